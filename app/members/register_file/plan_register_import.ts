import { canChangeStatus, nameKey } from '#members/membership'
import {
  loadRegisterForImport,
  type RegisteredContact,
  type RegisteredOrganisation,
} from '#members/queries/register_for_import'
import { matchKey } from '#members/register_file/match_keys'
import type { FileOrganisation } from '#members/register_file/read_register_file'
import {
  CONTACT_FLAGS,
  COLUMN_OF,
  type FileContact,
  type OrganisationField,
} from '#members/register_file/register_cells'
import { COLUMN_ORDER, REGISTER_COLUMNS } from '#members/register_file/register_columns'
import { writeStatus } from '#members/register_file/register_values'
import type { ImportProblem } from '#members/register_file/import_problems'

/** One field that changes: its column header, and the old and new values as stored. */
export type FieldChange = { column: string; field: string; from: unknown; to: unknown }

export type ContactPlan =
  | { kind: 'new'; contact: FileContact }
  | { kind: 'changed'; contact: FileContact; existing: RegisteredContact; changes: FieldChange[] }
  | { kind: 'unchanged'; contact: FileContact; existing: RegisteredContact }

export type OrganisationPlan =
  | { kind: 'new'; row: FileOrganisation; contacts: ContactPlan[] }
  | {
      kind: 'changed' | 'unchanged'
      row: FileOrganisation
      existing: RegisteredOrganisation
      changes: FieldChange[]
      contacts: ContactPlan[]
    }

/**
 * Matches each organisation of the file to the register, and says what
 * would change, field by field. A row matches by CVR, then EAN, then its
 * name without case, accents or legal form, then a contact's e-mail; a
 * row that could be more than one organisation is refused with the
 * candidates named, never guessed.
 */
export async function planRegisterImport(organisations: FileOrganisation[]) {
  const register = await loadRegisterForImport()
  const index = indexRegister(register)
  const plans: OrganisationPlan[] = []
  const problems: ImportProblem[] = []
  const claimedBy = new Map<number, number>()

  for (const row of organisations) {
    const refuse = (
      code: ImportProblem['code'],
      column: string,
      params?: ImportProblem['params']
    ) => problems.push({ line: row.lines[0], column, code, params })
    const found = findMatch(row, index)
    if (found.status === 'ambiguous') {
      refuse('ambiguous_match', REGISTER_COLUMNS.name.header, {
        candidates: found.names.join(', '),
      })
      continue
    }
    const existing = found.status === 'found' ? found.organisation : null
    // The name is unique among applicants and members: another one holding it is not this one.
    const holder = index.byCurrentName.get(nameKey(row.fields.name))
    if (holder && holder !== existing && holdsNameAfter(row, existing)) {
      refuse('name_taken', REGISTER_COLUMNS.name.header, { name: holder.name })
      continue
    }
    if (!existing) {
      plans.push({
        kind: 'new',
        row,
        contacts: row.contacts.map((contact) => ({ kind: 'new', contact })),
      })
      continue
    }
    const earlier = claimedBy.get(existing.id)
    if (earlier !== undefined) {
      refuse('duplicate_in_file', REGISTER_COLUMNS.name.header, { row: earlier })
      continue
    }
    claimedBy.set(existing.id, row.lines[0])
    const changes = fieldChanges(row, existing)
    const to = row.fields.status
    if (to && to !== existing.status && !canChangeStatus(existing.status, to)) {
      // In the file's own words for the statuses.
      refuse('status_change_not_allowed', REGISTER_COLUMNS.status.header, {
        from: writeStatus(existing.status),
        to: writeStatus(to),
      })
      continue
    }
    const known = contactIndex(existing.contacts)
    const contacts = row.contacts.map((contact) => planContact(contact, known))
    const changed = changes.length > 0 || contacts.some((plan) => plan.kind !== 'unchanged')
    plans.push({ kind: changed ? 'changed' : 'unchanged', row, existing, changes, contacts })
  }
  const inFile = new Set(claimedBy.keys())
  const missing = register.filter((organisation) => !inFile.has(organisation.id))
  return { plans, problems, missing }
}

function holdsNameAfter(row: FileOrganisation, existing: RegisteredOrganisation | null) {
  const status = row.fields.status ?? existing?.status ?? 'active'
  return status === 'active' || status === 'applicant'
}

function fieldChanges(row: FileOrganisation, existing: RegisteredOrganisation): FieldChange[] {
  const changes: FieldChange[] = []
  for (const [field, value] of Object.entries(row.fields) as [OrganisationField, unknown][]) {
    if (value === undefined || sameValue(existing[field], value)) continue
    // A member always has a join date (a new one gets today's): an empty cell keeps it.
    if (field === 'joinedOn' && value === null) continue
    changes.push({
      column: REGISTER_COLUMNS[COLUMN_OF[field]].header,
      field,
      from: existing[field],
      to: value,
    })
  }
  // In the file's column order, as the person reads the row.
  const position = (change: FieldChange) =>
    COLUMN_ORDER.indexOf(COLUMN_OF[change.field as OrganisationField])
  return changes.sort((a, b) => position(a) - position(b))
}

/** An organisation's contacts by e-mail, and those without one by name: looked up once per row. */
function contactIndex(registered: RegisteredContact[]) {
  const byEmail = new Map<string, RegisteredContact>()
  const byName = new Map<string, RegisteredContact>()
  for (const contact of registered) {
    if (contact.email) byEmail.set(contact.email, contact)
    else if (!byName.has(contact.name)) byName.set(contact.name, contact)
  }
  return { byEmail, byName }
}

/** A contact of the file is the registered one with its e-mail, else with its exact name and no e-mail. */
function planContact(contact: FileContact, known: ReturnType<typeof contactIndex>): ContactPlan {
  const existing = contact.email ? known.byEmail.get(contact.email) : known.byName.get(contact.name)
  if (!existing) return { kind: 'new', contact }
  const changes: FieldChange[] = []
  const compare = (field: string, column: string, from: unknown, to: unknown) => {
    if (!sameValue(from, to)) changes.push({ column, field, from, to })
  }
  compare('name', REGISTER_COLUMNS.contactName.header, existing.name, contact.name)
  compare('title', REGISTER_COLUMNS.contactTitle.header, existing.title, contact.title)
  compare('phone', REGISTER_COLUMNS.phone.header, existing.phone, contact.phone)
  for (const flag of CONTACT_FLAGS) {
    if (contact.flags[flag] === undefined) continue
    compare(flag, REGISTER_COLUMNS[flag].header, existing.flags[flag], contact.flags[flag])
  }
  return changes.length
    ? { kind: 'changed', contact, existing, changes }
    : { kind: 'unchanged', contact, existing }
}

function sameValue(a: unknown, b: unknown) {
  const blank = (value: unknown) => value === null || value === undefined || value === ''
  return (blank(a) && blank(b)) || a === b
}

type RegisterIndex = ReturnType<typeof indexRegister>

function indexRegister(register: RegisteredOrganisation[]) {
  const many = <K>(pairs: [K, RegisteredOrganisation][]) => {
    const map = new Map<K, RegisteredOrganisation[]>()
    for (const [key, organisation] of pairs) map.set(key, [...(map.get(key) ?? []), organisation])
    return map
  }
  return {
    byCvr: many(register.filter((o) => o.cvr).map((o) => [o.cvr!, o])),
    byEan: many(register.filter((o) => o.ean).map((o) => [o.ean!, o])),
    byName: many(register.map((o) => [matchKey(o.name), o])),
    byEmail: many(
      register.flatMap((o) =>
        o.contacts
          .filter((c) => c.email)
          .map((c) => [c.email!, o] as [string, RegisteredOrganisation])
      )
    ),
    byCurrentName: new Map(
      register.filter((o) => o.currentNameKey).map((o) => [o.currentNameKey!, o])
    ),
  }
}

type Match =
  | { status: 'found'; organisation: RegisteredOrganisation }
  | { status: 'none' }
  | { status: 'ambiguous'; names: string[] }

function findMatch(row: FileOrganisation, index: RegisterIndex): Match {
  const decide = (candidates: RegisteredOrganisation[] | undefined): Match | null => {
    const unique = [...new Set(candidates ?? [])]
    if (unique.length === 1) return { status: 'found', organisation: unique[0] }
    if (unique.length > 1) return { status: 'ambiguous', names: unique.map((o) => o.name) }
    return null
  }
  if (row.fields.cvr) {
    const byCvr = decide(index.byCvr.get(row.fields.cvr))
    if (byCvr) return byCvr
  }
  if (row.fields.ean) {
    const byEan = decide(index.byEan.get(row.fields.ean))
    if (byEan) return byEan
  }
  const byName = decide(index.byName.get(matchKey(row.fields.name)))
  if (byName) {
    // Same name, but the register knows it under another CVR number: not this one.
    if (byName.status === 'found' && byName.organisation.cvr && row.fields.cvr)
      return { status: 'none' }
    return byName
  }
  const emails = row.contacts
    .map((contact) => contact.email)
    .filter((email): email is string => !!email)
  return decide(emails.flatMap((email) => index.byEmail.get(email) ?? [])) ?? { status: 'none' }
}
