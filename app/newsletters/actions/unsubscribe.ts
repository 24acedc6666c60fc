import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Subscriber from '#newsletters/models/subscriber'
import Subscription from '#newsletters/models/subscription'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { withdrawSubscription } from '#newsletters/subscriber_records'
import { Actors } from '#audit/actor'

/**
 * A reader withdraws consent: from every list (and then the address is never
 * mailed again), or from the lists they no longer want. Free and immediate.
 */
export class Unsubscribe {
  async handle(input: {
    subscriberId: number
    keepListIds?: number[]
    ip: string | null
    userAgent?: string | null
    via: string
  }) {
    return db.transaction(async (trx) => {
      const subscriber = await Subscriber.find(input.subscriberId, { client: trx })
      if (!subscriber || subscriber.erasedAt) return { status: 'not_found' as const }
      const keep = new Set(input.keepListIds ?? [])
      const leaving = await Subscription.query({ client: trx })
        .where('subscriber_id', subscriber.id)
        .whereIn('status', ['active', 'pending'])
        .preload('list')
      const now = DateTime.now()
      for (const subscription of leaving.filter((s) => !keep.has(s.listId))) {
        await withdrawSubscription(subscription, now, trx)
      }
      if (keep.size === 0 && !subscriber.suppressedReason) {
        subscriber.merge({ suppressedReason: 'unsubscribed', suppressedAt: now })
        await subscriber.useTransaction(trx).save()
      }
      // Rejoining a list the reader had left is a new consent, made by subscribing again.
      await recordAuditEvent(trx, Actors.system(input.via, input), {
        module: 'newsletters',
        action: keep.size ? 'subscription.lists_changed' : 'subscription.withdrawn',
        details: {
          email: subscriber.email ?? '',
          lists: leaving
            .filter((s) => !keep.has(s.listId))
            .map((s) => s.list.name)
            .join(', '),
        },
        subject: { type: 'subscriber', id: subscriber.id },
      })
      return { status: 'unsubscribed' as const }
    })
  }
}
