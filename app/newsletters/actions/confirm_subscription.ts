import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { sqlTimestamp } from '#shared/sql_time'
import Subscription from '#newsletters/models/subscription'
import Subscriber from '#newsletters/models/subscriber'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { hashToken, isLinkToken } from '#shared/tokens'
import { liftOwnUnsubscribe } from '#newsletters/subscriber_records'

export type ConfirmSubscriptionResult =
  { status: 'confirmed'; subscription: Subscription } | { status: 'invalid_link' }

/** Double opt-in, second half: the reader's click is the consent's confirmation. */
export class ConfirmSubscription {
  async handle(input: { token: string; ip: string | null }): Promise<ConfirmSubscriptionResult> {
    if (!isLinkToken(input.token)) return { status: 'invalid_link' }
    return db.transaction(async (trx) => {
      const subscription = await Subscription.query({ client: trx })
        .where('confirm_token_hash', hashToken(input.token))
        .where('status', 'pending')
        .where('confirm_expires_at', '>', sqlTimestamp())
        .preload('list')
        .first()
      if (!subscription) return { status: 'invalid_link' as const }

      subscription.merge({
        status: 'active',
        confirmedAt: DateTime.now(),
        confirmTokenHash: null,
        confirmExpiresAt: null,
      })
      await subscription.useTransaction(trx).save()

      const subscriber = await Subscriber.findOrFail(subscription.subscriberId, { client: trx })
      await liftOwnUnsubscribe(subscriber, trx)
      await recordAuditEvent(
        trx,
        { type: 'system', id: null, label: 'subscription confirmation link', ip: input.ip },
        {
          module: 'newsletters',
          action: 'subscription.confirmed',
          details: { email: subscriber.email ?? '', list: subscription.list.name },
          subject: { type: 'subscriber', id: subscriber.id },
        }
      )
      return { status: 'confirmed' as const, subscription }
    })
  }
}
