import type { I18n } from '@adonisjs/i18n'
import type { ImportPlan } from '#members/actions/import_members'
import type { FieldChange } from '#members/register_file/plan_register_import'
import { displayLocale, formatDate } from '#shared/formatting'

export type ChangeLine = { column: string; from: string; to: string }

export type PreviewOrganisation = {
  kind: 'new' | 'changed' | 'unchanged'
  rows: string
  name: string
  changes: ChangeLine[]
  contacts: { kind: 'new' | 'changed'; label: string; changes: ChangeLine[] }[]
}

/**
 * The plan in words for the preview and the command: each organisation as
 * new, changed (every field old → new, in the reader's language) or
 * unchanged, and the members the file leaves out.
 */
export function describeImport(plan: ImportPlan, i18n: I18n) {
  const locale = displayLocale(i18n)
  const tierName = new Map(plan.tiers.map((tier) => [tier.id, tier.name]))
  const show = (change: FieldChange): ChangeLine => ({
    column: change.column,
    from: display(change.field, change.from),
    to: display(change.field, change.to),
  })
  function display(field: string, value: unknown): string {
    if (value === null || value === undefined || value === '') return '–'
    if (field === 'tierId') return tierName.get(Number(value)) ?? String(value)
    if (field === 'status') return i18n.t(`members.statuses.${value}`)
    if (field === 'type') return i18n.t(`members.types.${value}`)
    if (field === 'joinedOn' || field === 'leftOn') return formatDate(String(value), locale)
    if (typeof value === 'boolean')
      return i18n.t(value ? 'members.import.yes' : 'members.import.no')
    return String(value)
  }
  const organisations: PreviewOrganisation[] = plan.plans.map((entry) => ({
    kind: entry.kind,
    rows: rowsLabel(entry.row.lines),
    name: entry.row.fields.name,
    changes: entry.kind === 'new' ? [] : entry.changes.map(show),
    contacts: entry.contacts
      .filter((contact) => contact.kind !== 'unchanged')
      .map((contact) => ({
        kind: contact.kind as 'new' | 'changed',
        label: [contact.contact.name, contact.contact.email, contact.contact.phone]
          .filter(Boolean)
          .join(', '),
        changes: contact.kind === 'changed' ? contact.changes.map(show) : [],
      })),
  }))
  const count = (kind: PreviewOrganisation['kind']) =>
    organisations.filter((organisation) => organisation.kind === kind).length
  return {
    organisations,
    counts: { new: count('new'), changed: count('changed'), unchanged: count('unchanged') },
    missing: plan.missing.map((organisation) => ({
      name: organisation.name,
      status: i18n.t(`members.statuses.${organisation.status}`),
      active: organisation.status === 'active',
    })),
  }
}

/** "4" or "4–6": the rows an organisation takes, as Excel numbers them. */
function rowsLabel(lines: number[]) {
  const first = Math.min(...lines)
  const last = Math.max(...lines)
  return first === last ? String(first) : `${first}–${last}`
}
