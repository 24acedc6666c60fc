import type { DateTime } from 'luxon'
import { danishIsoToday } from '#shared/danish_time'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { nameKey } from '#members/membership'
import type { NewContactFields, OrganisationFields } from '#members/organisation_fields'
import type { Actor } from '#audit/actor'
import { recordAuditEvents } from '#audit/actions/record_audit_event'
import { sqlTimestamp } from '#shared/sql_time'
import { organisationSearchText } from '#members/models/organisation'
import { contactSearchText } from '#members/models/contact'

export type ImportedOrganisation = {
  fields: OrganisationFields
  joinedOn: DateTime | null
  primaryContact: NewContactFields
}

/** Rows per statement: well inside SQLite's and MySQL's limits on bound values. */
const CHUNK = 250

/**
 * Creates the new members of an import as active, each with its first
 * status, its primary contact and its audit event: the same rows
 * CreateOrganisation writes one by one, here a few statements per chunk of
 * organisations, so a file of thousands imports in seconds. The caller has
 * already checked that no name is taken; the unique key on the current
 * name still guards it inside the transaction.
 */
export class CreateImportedOrganisations {
  async handle(
    organisations: ImportedOrganisation[],
    reason: string,
    actor: Actor,
    trx: TransactionClientContract
  ) {
    for (let start = 0; start < organisations.length; start += CHUNK) {
      await this.createChunk(organisations.slice(start, start + CHUNK), reason, actor, trx)
    }
  }

  protected async createChunk(
    chunk: ImportedOrganisation[],
    reason: string,
    actor: Actor,
    trx: TransactionClientContract
  ) {
    const now = sqlTimestamp()
    const today = danishIsoToday()
    const rows = chunk.map(({ fields, joinedOn }) => ({
      name: fields.name,
      name_key: nameKey(fields.name),
      // Active members hold their name.
      current_name_key: nameKey(fields.name),
      type: fields.type,
      legal_form: fields.legalForm,
      cvr: fields.cvr,
      ean: fields.ean,
      address: fields.address,
      postcode: fields.postcode,
      city: fields.city,
      // Inserted in bulk, past the model's hook: folded for search here.
      search_text: organisationSearchText(fields),
      website: fields.website,
      tier_id: fields.tierId,
      notes: fields.notes,
      status: 'active',
      joined_on: joinedOn?.toISODate() ?? today,
      created_at: now,
      updated_at: now,
    }))
    await trx.table('organisations').multiInsert(rows)
    const created = await trx
      .from('organisations')
      .whereIn(
        'current_name_key',
        rows.map((row) => row.current_name_key)
      )
      .select('id', 'current_name_key')
    const idOf = new Map(created.map((row) => [row.current_name_key as string, Number(row.id)]))

    await trx.table('organisation_status_changes').multiInsert(
      rows.map((row) => ({
        organisation_id: idOf.get(row.current_name_key),
        from_status: null,
        to_status: 'active',
        changed_on: row.joined_on,
        reason,
        actor_label: actor.label,
        created_at: now,
      }))
    )
    await trx.table('contacts').multiInsert(
      chunk.map(({ primaryContact }, index) => ({
        organisation_id: idOf.get(rows[index].current_name_key),
        name: primaryContact.name,
        title: primaryContact.title ?? null,
        email: primaryContact.email,
        phone: primaryContact.phone,
        search_text: contactSearchText(primaryContact),
        is_primary: true,
        is_billing: false,
        is_delegate: false,
        is_newsletter: false,
        created_at: now,
        updated_at: now,
      }))
    )
    await recordAuditEvents(
      trx,
      actor,
      rows.map((row) => ({
        module: 'members',
        action: 'organisation.created',
        subject: { type: 'organisation', id: idOf.get(row.current_name_key)! },
        details: { name: row.name },
      }))
    )
  }
}
