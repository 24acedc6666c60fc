import type { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Subscriber from '#newsletters/models/subscriber'
import type Subscription from '#newsletters/models/subscription'
import { PERMANENT_SUPPRESSIONS } from '#newsletters/consent'

/** Subscribers are keyed by their address, stored trimmed and in lower case. */
export function normaliseEmail(email: string) {
  return email.trim().toLowerCase()
}

/** The reader behind an address; the first request for an address creates them. */
export async function findOrCreateSubscriber(
  trx: TransactionClientContract,
  input: { email: string; name: string | null; referredById?: number | null }
) {
  const email = normaliseEmail(input.email)
  return (
    (await Subscriber.query({ client: trx }).where('email', email).first()) ??
    (await Subscriber.create(
      { email, name: input.name, referredById: input.referredById ?? null },
      { client: trx }
    ))
  )
}

/** Bounced or complained: the mail system's verdict, which no request of the reader lifts. */
export function isPermanentlySuppressed(subscriber: Subscriber) {
  return (PERMANENT_SUPPRESSIONS as readonly string[]).includes(subscriber.suppressedReason ?? '')
}

/**
 * Consenting again on purpose lifts the reader's own earlier "unsubscribe
 * from everything". Returns whether it did, so the audit event can say so.
 */
export async function liftOwnUnsubscribe(subscriber: Subscriber, trx: TransactionClientContract) {
  if (subscriber.suppressedReason !== 'unsubscribed') return false
  subscriber.merge({ suppressedReason: null, suppressedAt: null })
  await subscriber.useTransaction(trx).save()
  return true
}

/** Withdraws one subscription; a pending confirmation link stops working with it. */
export async function withdrawSubscription(
  subscription: Subscription,
  now: DateTime,
  trx: TransactionClientContract
) {
  subscription.merge({ status: 'unsubscribed', unsubscribedAt: now, confirmTokenHash: null })
  await subscription.useTransaction(trx).save()
}
