import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Organisation from '#members/models/organisation'
import Contact from '#members/models/contact'
import OrganisationStatusChange from '#members/models/organisation_status_change'
import { nameKey, type MembershipStatus } from '#members/membership'
import type { NewContactFields, OrganisationFields } from '#members/organisation_fields'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { isUniqueViolation } from '#shared/database_constraints'
import { danishToday } from '#shared/danish_time'

export type CreateOrganisationInput = {
  fields: OrganisationFields
  status: Extract<MembershipStatus, 'applicant' | 'active'>
  joinedOn: DateTime | null
  reason: string
  primaryContact: NewContactFields | null
}

export type CreateOrganisationResult =
  { status: 'created'; organisation: Organisation } | { status: 'name_taken' }

/**
 * A new applicant or member with its first status and, usually, its primary
 * contact. Shared by the board's form, the import and the application form.
 */
export class CreateOrganisation {
  async handle(input: CreateOrganisationInput, actor: Actor, client?: TransactionClientContract) {
    if (client) return this.create(input, actor, client)
    try {
      return await db.transaction((trx) => this.create(input, actor, trx))
    } catch (error) {
      // Two people saving the same name at once: the unique key decides.
      if (isUniqueViolation(error)) return { status: 'name_taken' } as const
      throw error
    }
  }

  protected async create(
    input: CreateOrganisationInput,
    actor: Actor,
    trx: TransactionClientContract
  ): Promise<CreateOrganisationResult> {
    const taken = await Organisation.query({ client: trx })
      .where('current_name_key', nameKey(input.fields.name))
      .first()
    if (taken) return { status: 'name_taken' }

    const joinedOn = input.status === 'active' ? (input.joinedOn ?? danishToday()) : null
    const organisation = await Organisation.create(
      { ...input.fields, status: input.status, joinedOn },
      { client: trx }
    )
    await OrganisationStatusChange.create(
      {
        organisationId: organisation.id,
        fromStatus: null,
        toStatus: input.status,
        changedOn: joinedOn ?? danishToday(),
        reason: input.reason,
        actorLabel: actor.label,
      },
      { client: trx }
    )
    if (input.primaryContact) {
      await Contact.create(
        {
          ...input.primaryContact,
          organisationId: organisation.id,
          isPrimary: true,
          isBilling: false,
          isDelegate: false,
          isNewsletter: false,
        },
        { client: trx }
      )
    }
    await recordAuditEvent(trx, actor, {
      module: 'members',
      action: input.status === 'active' ? 'organisation.created' : 'organisation.applied',
      details: { name: organisation.name },
      subject: { type: 'organisation', id: organisation.id },
    })
    return { status: 'created', organisation }
  }
}
