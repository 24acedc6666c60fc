import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Organisation from '#members/models/organisation'
import OrganisationStatusChange from '#members/models/organisation_status_change'
import { canChangeStatus, holdsName, nameKey, type MembershipStatus } from '#members/membership'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { isUniqueViolation } from '#shared/database_constraints'
import SendMemberLoginLinkJob from '#members/jobs/send_member_login_link_job'

export type ChangeMembershipStatusInput = {
  organisationId: number
  to: MembershipStatus
  changedOn: DateTime
  reason: string
}

export type ChangeMembershipStatusResult =
  | { status: 'changed'; organisation: Organisation; from: MembershipStatus }
  | { status: 'not_allowed'; from: MembershipStatus }
  | { status: 'needs_primary_contact' }
  | { status: 'name_taken' }

/**
 * Moves an organisation along the membership lifecycle, dated and explained.
 * An approved applicant's primary contact is welcomed with a portal link.
 */
export class ChangeMembershipStatus {
  async handle(
    input: ChangeMembershipStatusInput,
    actor: Actor
  ): Promise<ChangeMembershipStatusResult> {
    const result = await this.change(input, actor)
    if (result.status === 'changed' && result.from === 'applicant' && input.to === 'active') {
      const primary = result.organisation.contacts.find(
        (contact) => contact.isPrimary && !contact.erasedAt
      )
      // After the commit, so the worker finds what it is given.
      if (primary)
        await SendMemberLoginLinkJob.dispatch({ contactIds: [primary.id], purpose: 'welcome' })
    }
    return result
  }

  protected async change(
    input: ChangeMembershipStatusInput,
    actor: Actor
  ): Promise<ChangeMembershipStatusResult> {
    try {
      return await db.transaction(async (trx) => {
        const organisation = await Organisation.query({ client: trx })
          .where('id', input.organisationId)
          .preload('contacts')
          .firstOrFail()
        const from = organisation.status
        if (!canChangeStatus(from, input.to)) return { status: 'not_allowed' as const, from }

        // Every active member has someone to write to.
        const hasPrimary = organisation.contacts.some(
          (contact) => contact.isPrimary && !contact.erasedAt
        )
        if (input.to === 'active' && !hasPrimary)
          return { status: 'needs_primary_contact' as const }

        if (holdsName(input.to) && !holdsName(from)) {
          const taken = await Organisation.query({ client: trx })
            .where('current_name_key', nameKey(organisation.name))
            .whereNot('id', organisation.id)
            .first()
          if (taken) return { status: 'name_taken' as const }
        }

        organisation.status = input.to
        if (input.to === 'active') {
          organisation.joinedOn = input.changedOn
          organisation.leftOn = null
        }
        if (input.to === 'resigned' || input.to === 'expelled')
          organisation.leftOn = input.changedOn
        await organisation.useTransaction(trx).save()

        await OrganisationStatusChange.create(
          {
            organisationId: organisation.id,
            fromStatus: from,
            toStatus: input.to,
            changedOn: input.changedOn,
            reason: input.reason,
            actorLabel: actor.label,
          },
          { client: trx }
        )
        await recordAuditEvent(trx, actor, {
          module: 'members',
          action: 'organisation.status_changed',
          details: { name: organisation.name, from, to: input.to },
          subject: { type: 'organisation', id: organisation.id },
          changes: { status: { from, to: input.to } },
        })
        return { status: 'changed' as const, organisation, from }
      })
    } catch (error) {
      if (isUniqueViolation(error)) return { status: 'name_taken' }
      throw error
    }
  }
}
