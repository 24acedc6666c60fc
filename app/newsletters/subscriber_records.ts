import type { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Subscriber from '#newsletters/models/subscriber'
import type Subscription from '#newsletters/models/subscription'
import { PERMANENT_SUPPRESSIONS } from '#newsletters/consent'
import { createHash } from 'node:crypto'

/** How an erased reader's address is remembered, so it is never added or mailed again. */
export function hashEmail(email: string) {
  return createHash('sha256').update(normaliseEmail(email)).digest('hex')
}

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

/** Withdraws one subscription; a request still waiting for confirmation goes with it. */
export async function withdrawSubscription(
  subscription: Subscription,
  now: DateTime,
  trx: TransactionClientContract
) {
  subscription.merge({
    status: 'unsubscribed',
    unsubscribedAt: now,
    pendingRequest: null,
    confirmTokenHash: null,
  })
  await subscription.useTransaction(trx).save()
}

/**
 * The addresses among these that no path may mail: suppressed (left,
 * bounced, complained) or erased, the erased known only by their hash.
 */
export async function unmailableAmong(emails: string[]) {
  const normalised = emails.map(normaliseEmail)
  if (normalised.length === 0) return new Set<string>()
  const suppressed = await Subscriber.query()
    .whereIn('email', normalised)
    .whereNotNull('suppressed_reason')
    .select('email')
  const hashes = new Map(normalised.map((email) => [hashEmail(email), email]))
  const erased = await Subscriber.query()
    .whereIn('email_hash', [...hashes.keys()])
    .whereNotNull('erased_at')
    .select('email_hash')
  return new Set([
    ...suppressed.map((subscriber) => subscriber.email!),
    ...erased.map((subscriber) => hashes.get(subscriber.emailHash!)!),
  ])
}
