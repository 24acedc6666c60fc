import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Organisation from '#members/models/organisation'
import Contact from '#members/models/contact'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'

export type RemoveContactResult =
  { status: 'removed' } | { status: 'not_found' } | { status: 'is_primary' }

/** Takes a person off the organisation. The primary contact must hand over first. */
export class RemoveContact {
  async handle(
    target: { organisationId: number; contactId: number },
    actor: Actor
  ): Promise<RemoveContactResult> {
    return db.transaction(async (trx) => {
      const organisation = await Organisation.findOrFail(target.organisationId, { client: trx })
      const contact = await Contact.query({ client: trx })
        .where('id', target.contactId)
        .where('organisation_id', organisation.id)
        .first()
      if (!contact) return { status: 'not_found' as const }
      if (contact.isPrimary && organisation.status === 'active')
        return { status: 'is_primary' as const }

      await contact.useTransaction(trx).delete()
      if (actor.type === 'member_contact') {
        organisation.changedByMemberAt = DateTime.now()
        await organisation.useTransaction(trx).save()
      }
      await recordAuditEvent(trx, actor, {
        module: 'members',
        action: 'contact.removed',
        details: { name: contact.name, organisation: organisation.name },
        subject: { type: 'organisation', id: organisation.id },
      })
      return { status: 'removed' as const }
    })
  }
}
