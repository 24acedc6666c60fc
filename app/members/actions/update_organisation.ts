import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Organisation from '#members/models/organisation'
import { nameKey, holdsName } from '#members/membership'
import type { OrganisationFields } from '#members/organisation_fields'
import type { Actor } from '#audit/actor'
import { diffFields, recordAuditEvent } from '#audit/actions/record_audit_event'
import { isUniqueViolation } from '#shared/database_constraints'

export type UpdateOrganisationResult =
  { status: 'updated' | 'unchanged'; organisation: Organisation } | { status: 'name_taken' }

/**
 * Changes an organisation's details. A member contact may change only what
 * the portal offers (the caller passes just those fields); the board sees
 * that the member made the change.
 */
export class UpdateOrganisation {
  async handle(
    organisationId: number,
    fields: Partial<OrganisationFields>,
    actor: Actor,
    client?: TransactionClientContract
  ): Promise<UpdateOrganisationResult> {
    if (client) return this.update(organisationId, fields, actor, client)
    try {
      return await db.transaction((trx) => this.update(organisationId, fields, actor, trx))
    } catch (error) {
      // Two people saving the same name at once: the unique key decides.
      if (isUniqueViolation(error)) return { status: 'name_taken' }
      throw error
    }
  }

  protected async update(
    organisationId: number,
    fields: Partial<OrganisationFields>,
    actor: Actor,
    trx: TransactionClientContract
  ): Promise<UpdateOrganisationResult> {
    const organisation = await Organisation.findOrFail(organisationId, { client: trx })
    if (fields.name !== undefined && holdsName(organisation.status)) {
      const taken = await Organisation.query({ client: trx })
        .where('current_name_key', nameKey(fields.name))
        .whereNot('id', organisation.id)
        .first()
      if (taken) return { status: 'name_taken' }
    }

    const changes = diffFields(organisation.$attributes, fields)
    if (!changes) return { status: 'unchanged', organisation }

    organisation.merge(fields)
    if (actor.type === 'member_contact') organisation.changedByMemberAt = DateTime.now()
    await organisation.useTransaction(trx).save()
    await recordAuditEvent(trx, actor, {
      module: 'members',
      action: 'organisation.updated',
      details: { name: organisation.name },
      subject: { type: 'organisation', id: organisation.id },
      changes,
    })
    return { status: 'updated', organisation }
  }
}
