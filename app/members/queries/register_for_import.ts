import db from '@adonisjs/lucid/services/db'
import { isoDateFromSql } from '#shared/sql_time'
import type { MembershipStatus } from '#members/membership'
import type {
  ContactFlag,
  FileContact,
  FileOrganisationFields,
} from '#members/register_file/register_cells'

/** An organisation of the register as an import compares it: every field the file can hold. */
export type RegisteredOrganisation = FileOrganisationFields & {
  id: number
  currentNameKey: string | null
  contacts: RegisteredContact[]
}
export type RegisteredContact = Omit<FileContact, 'line' | 'flags'> & {
  id: number
  flags: Record<ContactFlag, boolean>
}

/** The whole register in two queries: a few thousand organisations compare in memory. */
export async function loadRegisterForImport(): Promise<RegisteredOrganisation[]> {
  const rows = await db
    .from('organisations')
    .select(
      'id',
      'name',
      'type',
      'legal_form',
      'cvr',
      'ean',
      'address',
      'postcode',
      'city',
      'website',
      'invoice_reference',
      'tier_id',
      'status',
      'joined_on',
      'left_on',
      'notes',
      'current_name_key'
    )
  const contactRows = await db
    .from('contacts')
    .whereNull('erased_at')
    .select(
      'id',
      'organisation_id',
      'name',
      'title',
      'email',
      'phone',
      'is_primary',
      'is_billing',
      'is_delegate',
      'is_newsletter'
    )
    .orderBy('id')
  const contactsOf = new Map<number, RegisteredContact[]>()
  for (const contact of contactRows) {
    const list = contactsOf.get(Number(contact.organisation_id)) ?? []
    list.push({
      id: Number(contact.id),
      name: contact.name,
      title: contact.title,
      email: contact.email?.toLowerCase() ?? null,
      phone: contact.phone,
      flags: {
        isPrimary: Boolean(contact.is_primary),
        isBilling: Boolean(contact.is_billing),
        isDelegate: Boolean(contact.is_delegate),
        isNewsletter: Boolean(contact.is_newsletter),
      },
    })
    contactsOf.set(Number(contact.organisation_id), list)
  }
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    type: row.type,
    legalForm: row.legal_form,
    cvr: row.cvr,
    ean: row.ean,
    address: row.address,
    postcode: row.postcode,
    city: row.city,
    website: row.website,
    invoiceReference: row.invoice_reference,
    tierId: row.tier_id === null ? null : Number(row.tier_id),
    status: row.status as MembershipStatus,
    joinedOn: row.joined_on ? isoDateFromSql(row.joined_on) : null,
    leftOn: row.left_on ? isoDateFromSql(row.left_on) : null,
    notes: row.notes,
    currentNameKey: row.current_name_key,
    contacts: contactsOf.get(Number(row.id)) ?? [],
  }))
}
