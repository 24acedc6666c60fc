import db from '@adonisjs/lucid/services/db'
import Subscriber from '#newsletters/models/subscriber'
import { normaliseEmail } from '#newsletters/subscriber_records'
import { diffFields, recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

export type UpdateSubscriberResult = {
  status: 'updated' | 'unchanged' | 'email_taken' | 'not_found'
}

/**
 * Corrects a reader's name or address (a typo, a new work address). The
 * consent records stay with the reader; the change is in the log.
 */
export class UpdateSubscriber {
  async handle(
    subscriberId: number,
    input: { email: string; name: string | null },
    actor: Actor
  ): Promise<UpdateSubscriberResult> {
    const email = normaliseEmail(input.email)
    return db.transaction(async (trx) => {
      const subscriber = await Subscriber.query({ client: trx })
        .where('id', subscriberId)
        .whereNull('erased_at')
        .first()
      if (!subscriber) return { status: 'not_found' }
      const taken = await Subscriber.query({ client: trx })
        .where('email', email)
        .whereNot('id', subscriber.id)
        .first()
      if (taken) return { status: 'email_taken' }

      const changes = diffFields(
        { email: subscriber.email, name: subscriber.name },
        { email, name: input.name }
      )
      if (!changes) return { status: 'unchanged' }
      subscriber.merge({ email, name: input.name })
      await subscriber.useTransaction(trx).save()
      await recordAuditEvent(trx, actor, {
        module: 'newsletters',
        action: 'subscriber.updated',
        details: { email },
        subject: { type: 'subscriber', id: subscriber.id },
        changes,
      })
      return { status: 'updated' }
    })
  }
}
