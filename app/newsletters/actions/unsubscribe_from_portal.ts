import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import NewsletterList from '#newsletters/models/newsletter_list'
import Subscriber from '#newsletters/models/subscriber'
import Subscription from '#newsletters/models/subscription'
import { normaliseEmail, withdrawSubscription } from '#newsletters/subscriber_records'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'

export type UnsubscribeFromPortalResult = {
  status: 'unsubscribed' | 'not_offered' | 'not_subscribed'
}

/**
 * A member contact takes their own address off one list offered to members.
 * Leaving one list is not "unsubscribe from everything": the address stays
 * mailable for the other lists, as on the newsletter preferences page.
 */
export class UnsubscribeFromPortal {
  async handle(
    input: { listId: number; email: string; ip: string | null },
    actor: Actor
  ): Promise<UnsubscribeFromPortalResult> {
    return db.transaction(async (trx): Promise<UnsubscribeFromPortalResult> => {
      const list = await NewsletterList.query({ client: trx })
        .where('id', input.listId)
        .where('for_members', true)
        .first()
      if (!list) return { status: 'not_offered' }
      const subscriber = await Subscriber.query({ client: trx })
        .where('email', normaliseEmail(input.email))
        .whereNull('erased_at')
        .first()
      const subscription = subscriber
        ? await Subscription.query({ client: trx })
            .where('subscriber_id', subscriber.id)
            .where('list_id', list.id)
            .whereIn('status', ['active', 'pending'])
            .first()
        : null
      if (!subscriber || !subscription) return { status: 'not_subscribed' }

      await withdrawSubscription(subscription, DateTime.now(), trx)
      await recordAuditEvent(trx, actor, {
        module: 'newsletters',
        action: 'subscription.lists_changed',
        details: { email: subscriber.email ?? '', lists: list.name },
        subject: { type: 'subscriber', id: subscriber.id },
      })
      return { status: 'unsubscribed' }
    })
  }
}
