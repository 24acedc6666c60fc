import { danishIsoToday } from '#shared/danish_time'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { holdsName, nameKey, type MembershipStatus } from '#members/membership'
import type { FileOrganisation } from '#members/register_file/read_register_file'
import type { ContactPlan, OrganisationPlan } from '#members/register_file/plan_register_import'
import type { FileContact } from '#members/register_file/register_cells'
import type { RegisteredOrganisation } from '#members/queries/register_for_import'
import { sqlTimestamp } from '#shared/sql_time'
import { insertRows } from '#members/register_file/insert_rows'
import { organisationSearchText } from '#members/models/organisation'
import { contactSearchText } from '#members/models/contact'

/** New organisations written together: their rows, status history and contacts. */
const CHUNK = 500

const COLUMN_NAMES: Record<string, string> = {
  legalForm: 'legal_form',
  invoiceReference: 'invoice_reference',
  tierId: 'tier_id',
  joinedOn: 'joined_on',
  leftOn: 'left_on',
}

export type MissingOrganisations = { action: 'leave' } | { action: 'resign'; on: string }

/**
 * Writes a planned import inside the caller's transaction: new
 * organisations a chunk at a time, each with its status history and its
 * contact persons; changed ones field by field; members missing from the
 * file resigned when the user chose so. Any failure rolls all of it back.
 */
export async function applyRegisterImport(
  trx: TransactionClientContract,
  plans: OrganisationPlan[],
  missing: RegisteredOrganisation[],
  options: { missing: MissingOrganisations; reason: string; actorLabel: string }
) {
  const context = { trx, now: sqlTimestamp(), today: danishIsoToday(), ...options }
  const created = plans.filter((plan) => plan.kind === 'new').map((plan) => plan.row)
  for (let start = 0; start < created.length; start += CHUNK) {
    await createChunk(context, created.slice(start, start + CHUNK))
  }
  for (const plan of plans) {
    if (plan.kind === 'changed') await applyChanges(context, plan)
  }
  if (options.missing.action === 'resign') {
    const leaving = missing.filter((organisation) => organisation.status === 'active')
    for (const organisation of leaving) {
      await changeStatus(context, organisation.id, 'active', 'resigned', options.missing.on)
      await trx.from('organisations').where('id', organisation.id).update({
        status: 'resigned',
        left_on: options.missing.on,
        current_name_key: null,
        updated_at: context.now,
      })
    }
    return { resigned: leaving.map((organisation) => organisation.name) }
  }
  return { resigned: [] as string[] }
}

type Context = {
  trx: TransactionClientContract
  now: string
  today: string
  reason: string
  actorLabel: string
}

async function createChunk(context: Context, rows: FileOrganisation[]) {
  const { trx, now, today } = context
  const before = await trx.from('organisations').max('id as id').first()
  const records = rows.map(({ fields }) => {
    const status = fields.status ?? 'active'
    const key = nameKey(fields.name)
    return {
      name: fields.name,
      name_key: key,
      current_name_key: holdsName(status) ? key : null,
      type: fields.type ?? 'andet',
      legal_form: fields.legalForm ?? null,
      cvr: fields.cvr ?? null,
      ean: fields.ean ?? null,
      address: fields.address ?? null,
      postcode: fields.postcode ?? null,
      city: fields.city ?? null,
      // Written in bulk, past the model's hook: folded for search here.
      search_text: organisationSearchText({ name: fields.name, city: fields.city ?? null }),
      website: fields.website ?? null,
      invoice_reference: fields.invoiceReference ?? null,
      tier_id: fields.tierId ?? null,
      notes: fields.notes ?? null,
      status,
      joined_on: fields.joinedOn ?? (status === 'active' ? today : null),
      left_on: fields.leftOn ?? null,
      created_at: now,
      updated_at: now,
    }
  })
  await insertRows(trx, 'organisations', records)
  // Names are unique within a file, so the new rows are told apart by name among the ids just
  // made: read along the primary key, as the ids are all above the highest one before.
  const keys = new Set(records.map((record) => record.name_key))
  const made = await trx
    .from('organisations')
    .where('id', '>', Number(before?.id ?? 0))
    .select('id', 'name_key')
  const idOf = new Map(
    made.filter((row) => keys.has(row.name_key)).map((row) => [row.name_key, Number(row.id)])
  )

  await insertRows(
    trx,
    'organisation_status_changes',
    records.flatMap((record) =>
      statusHistory(record.status as MembershipStatus, record.joined_on, record.left_on, today).map(
        (change) => ({
          organisation_id: idOf.get(record.name_key),
          from_status: change.from,
          to_status: change.to,
          changed_on: change.on,
          reason: context.reason,
          actor_label: context.actorLabel,
          created_at: now,
        })
      )
    )
  )
  const contacts = rows.flatMap((row, index) =>
    withPrimary(row.contacts, null).map((contact) =>
      contactRecord(contact, idOf.get(records[index].name_key)!, now)
    )
  )
  await insertRows(trx, 'contacts', contacts)
}

/**
 * The dated status changes that make a new member's history match its
 * dates: joined, and where it has left, left; so the register of any past
 * day counts it exactly when it was a member.
 */
function statusHistory(
  status: MembershipStatus,
  joinedOn: string | null,
  leftOn: string | null,
  today: string
) {
  if (status === 'active') return [{ from: null, to: 'active', on: joinedOn ?? today }]
  if ((status === 'resigned' || status === 'expelled') && joinedOn) {
    return [
      { from: null, to: 'active', on: joinedOn },
      { from: 'active', to: status, on: leftOn ?? today },
    ]
  }
  return [{ from: null, to: status, on: leftOn ?? joinedOn ?? today }]
}

async function applyChanges(context: Context, plan: Exclude<OrganisationPlan, { kind: 'new' }>) {
  const { trx, now } = context
  const { existing } = plan
  if (plan.changes.length) {
    const update: Record<string, unknown> = { updated_at: now }
    for (const change of plan.changes)
      update[COLUMN_NAMES[change.field] ?? change.field] = change.to
    const name = (update.name as string | undefined) ?? existing.name
    const status = (update.status as MembershipStatus | undefined) ?? existing.status
    update.name_key = nameKey(name)
    update.current_name_key = holdsName(status) ? nameKey(name) : null
    const city = 'city' in update ? (update.city as string | null) : existing.city
    update.search_text = organisationSearchText({ name, city: city ?? null })
    await trx.from('organisations').where('id', existing.id).update(update)
    if (status !== existing.status) {
      const on = status === 'active' ? plan.row.fields.joinedOn : plan.row.fields.leftOn
      await changeStatus(context, existing.id, existing.status, status, on ?? context.today)
    }
  }
  const filePrimary = plan.contacts.some((contact) => contact.contact.flags.isPrimary)
  if (filePrimary) {
    // The file names the primary contact: it is the only one.
    const keep = plan.contacts
      .filter((c) => c.kind !== 'new' && c.contact.flags.isPrimary)
      .map((c) => (c as { existing: { id: number } }).existing.id)
    await trx
      .from('contacts')
      .where('organisation_id', existing.id)
      .whereNotIn('id', keep)
      .update({ is_primary: false })
  }
  const hasPrimary = filePrimary || existing.contacts.some((contact) => contact.flags.isPrimary)
  const added = plan.contacts.filter(
    (c): c is Extract<ContactPlan, { kind: 'new' }> => c.kind === 'new'
  )
  const newContacts = withPrimary(
    added.map((c) => c.contact),
    hasPrimary
  )
  if (newContacts.length) {
    await trx
      .table('contacts')
      .multiInsert(newContacts.map((contact) => contactRecord(contact, existing.id, now)))
  }
  for (const contact of plan.contacts) {
    if (contact.kind !== 'changed') continue
    const update: Record<string, unknown> = { updated_at: now }
    for (const change of contact.changes)
      update[CONTACT_COLUMNS[change.field] ?? change.field] = change.to
    update.search_text = contactSearchText({
      name: (update.name as string | undefined) ?? contact.existing.name,
      email: 'email' in update ? (update.email as string | null) : contact.existing.email,
    })
    await trx.from('contacts').where('id', contact.existing.id).update(update)
  }
}

const CONTACT_COLUMNS: Record<string, string> = {
  isPrimary: 'is_primary',
  isBilling: 'is_billing',
  isDelegate: 'is_delegate',
  isNewsletter: 'is_newsletter',
}

async function changeStatus(
  context: Context,
  organisationId: number,
  from: MembershipStatus,
  to: MembershipStatus,
  on: string
) {
  await context.trx.table('organisation_status_changes').insert({
    organisation_id: organisationId,
    from_status: from,
    to_status: to,
    changed_on: on,
    reason: context.reason,
    actor_label: context.actorLabel,
    created_at: context.now,
  })
}

/**
 * Contacts from a file without a primary-contact column: the first becomes
 * the primary one when the organisation has none, since every member needs
 * someone to write to.
 */
function withPrimary(
  contacts: FileContact[],
  organisationHasPrimary: boolean | null
): FileContact[] {
  if (!contacts.length || contacts.some((contact) => contact.flags.isPrimary !== undefined))
    return contacts
  if (organisationHasPrimary) return contacts
  return contacts.map((contact, index) =>
    index === 0 ? { ...contact, flags: { ...contact.flags, isPrimary: true } } : contact
  )
}

function contactRecord(contact: FileContact, organisationId: number, now: string) {
  return {
    organisation_id: organisationId,
    name: contact.name,
    title: contact.title,
    email: contact.email,
    phone: contact.phone,
    search_text: contactSearchText(contact),
    is_primary: contact.flags.isPrimary ?? false,
    is_billing: contact.flags.isBilling ?? false,
    is_delegate: contact.flags.isDelegate ?? false,
    is_newsletter: contact.flags.isNewsletter ?? false,
    created_at: now,
    updated_at: now,
  }
}
