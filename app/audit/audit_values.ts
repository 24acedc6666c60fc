import { formatDate, formatDateTime, formatKroner, type DisplayLocale } from '#shared/formatting'

/**
 * The audit log keeps values as the code had them (øre, ISO dates, role
 * codes); these turn them into what the pages show, so a reader sees
 * "1.250,00 kr." and "Kasserer", never "1250.00" or "treasurer".
 */
export type AuditValueKind =
  | 'text'
  | 'amount_ore'
  | 'amount_kroner'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'role'
  | 'membership_status'
  | 'organisation_type'
  | 'proration'
  | 'locale'
  | 'signature_role'

export type Translate = (key: string, data?: Record<string, unknown>, fallback?: string) => string

const FIELD_KINDS: Record<string, AuditValueKind> = {
  amount: 'amount_kroner',
  date: 'date',
  through: 'date',
  motionDeadline: 'date',
  at: 'datetime',
  role: 'role',
  status: 'membership_status',
  type: 'organisation_type',
  duesProration: 'proration',
  locale: 'locale',
  isActive: 'boolean',
  isPrimary: 'boolean',
  isPublic: 'boolean',
  archivePublic: 'boolean',
  forMembers: 'boolean',
  vatExempt: 'boolean',
  unpaidDuesRemoveVotingRight: 'boolean',
  votesWhenNotInvoiced: 'boolean',
  votesWhenDuesNotDue: 'boolean',
}

/** Sentence values whose meaning depends on the event: `from` is a status only here. */
const ACTION_KINDS: Record<string, Record<string, AuditValueKind>> = {
  'organisation.status_changed': { from: 'membership_status', to: 'membership_status' },
  // The role someone signs minutes in (chair, minute-taker), not a staff role.
  'minutes.signed': { role: 'signature_role' },
}

/** Changes are logged under model names (noticeDays) or column names (amount_ore): one key for both. */
export function fieldKey(field: string) {
  return field.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
}

export function kindOfField(field: string, action?: string): AuditValueKind {
  const key = fieldKey(field)
  const kind = (action && ACTION_KINDS[action]?.[key]) ?? FIELD_KINDS[key]
  if (kind) return kind
  if (/Ore$/.test(key)) return 'amount_ore'
  if (/On$/.test(key)) return 'date'
  if (/At$/.test(key)) return 'datetime'
  return 'text'
}

/** A value as the UI shows it; "–" for nothing, while 0 stays 0. */
export function formatAuditValue(
  value: unknown,
  kind: AuditValueKind,
  t: Translate,
  locale: DisplayLocale
): string {
  if (value === null || value === undefined || value === '') return '–'
  // Hidden values (passwords) are logged as dots whatever their kind.
  if (value === '•••') return value
  const text = String(value)
  switch (kind) {
    case 'amount_ore':
      return amount(Number(value), locale) ?? text
    case 'amount_kroner':
      return amount(Math.round(Number(text.replace(',', '.')) * 100), locale) ?? text
    case 'date':
      return formatDate(text, locale) || text
    case 'datetime':
      return formatDateTime(text, locale) || text
    case 'boolean':
      return t(isTrue(value) ? 'audit_fields.values.yes' : 'audit_fields.values.no')
    case 'role':
      return t(`roles.${text}`, {}, text)
    case 'membership_status':
      return t(`members.statuses.${text}`, {}, text)
    case 'organisation_type':
      return t(`members.types.${text}`, {}, text)
    case 'proration':
      return t(`dues.settings.proration_${text}`, {}, text)
    case 'signature_role':
      return t(`assemblies.minutes.roles.${text}`, {}, text)
    case 'locale':
      return t(`audit_fields.locales.${text}`, {}, text)
    default:
      return text
  }
}

function amount(ore: number, locale: DisplayLocale) {
  return Number.isSafeInteger(ore) ? formatKroner(ore, locale) : null
}

function isTrue(value: unknown) {
  return value === true || value === 1 || value === '1' || value === 'true'
}

/** A field's name as the forms call it; the stored name when it has no label. */
export function fieldLabel(field: string, t: Translate) {
  return t(`audit_fields.fields.${fieldKey(field)}`, {}, field)
}

/** The values an event's sentence is written with, each formatted by its kind. */
export function sentenceValues(
  details: Record<string, unknown>,
  action: string,
  t: Translate,
  locale: DisplayLocale
) {
  const values: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(details)) {
    const kind = kindOfField(key, action)
    // Counts and numbers in sentences drive plural rules: keep them numbers.
    values[key] = kind === 'text' ? value : formatAuditValue(value, kind, t, locale)
  }
  return values
}
