import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Organisation from '#members/models/organisation'
import NameChangeRequest from '#members/models/name_change_request'
import { UpdateOrganisation } from '#members/actions/update_organisation'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'

/** A member asks to be renamed; a newer request replaces one still waiting. */
export class RequestNameChange {
  async handle(input: { organisationId: number; name: string }, actor: Actor) {
    return db.transaction(async (trx) => {
      const organisation = await Organisation.findOrFail(input.organisationId, { client: trx })
      if (organisation.name === input.name) return { status: 'same_name' as const }
      await NameChangeRequest.query({ client: trx })
        .where('organisation_id', organisation.id)
        .where('status', 'pending')
        .delete()
      const request = await NameChangeRequest.create(
        {
          organisationId: organisation.id,
          requestedName: input.name,
          requestedBy: actor.label,
          status: 'pending',
        },
        { client: trx }
      )
      await recordAuditEvent(trx, actor, {
        module: 'members',
        action: 'organisation.name_change_requested',
        details: { name: organisation.name, requested: input.name },
        subject: { type: 'organisation', id: organisation.id },
      })
      return { status: 'requested' as const, request }
    })
  }
}

export type DecideNameChangeResult =
  { status: 'approved' | 'rejected' } | { status: 'not_found' } | { status: 'name_taken' }

/** The board approves (the organisation is renamed) or rejects a waiting request. */
export class DecideNameChange {
  async handle(
    input: { organisationId: number; requestId: number; approve: boolean },
    actor: Actor
  ): Promise<DecideNameChangeResult> {
    const request = await NameChangeRequest.query()
      .where('id', input.requestId)
      .where('organisation_id', input.organisationId)
      .where('status', 'pending')
      .first()
    if (!request) return { status: 'not_found' }

    if (input.approve) {
      const renamed = await new UpdateOrganisation().handle(
        input.organisationId,
        { name: request.requestedName },
        actor
      )
      if (renamed.status === 'name_taken') return { status: 'name_taken' }
    }
    request.merge({
      status: input.approve ? 'approved' : 'rejected',
      decidedBy: actor.label,
      decidedAt: DateTime.now(),
    })
    await db.transaction(async (trx) => {
      await request.useTransaction(trx).save()
      if (!input.approve) {
        await recordAuditEvent(trx, actor, {
          module: 'members',
          action: 'organisation.name_change_rejected',
          details: { requested: request.requestedName },
          subject: { type: 'organisation', id: input.organisationId },
        })
      }
    })
    return { status: input.approve ? 'approved' : 'rejected' }
  }
}
