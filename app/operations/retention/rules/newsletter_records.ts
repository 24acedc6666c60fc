import type { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { daysBefore, monthsBefore } from '#operations/retention/cutoffs'

/**
 * Who received an issue sent more than the months ago: the delivery row
 * stays with its issue and status, so the issue's page counts it as before,
 * but no longer says for whom (and the reader's share link stops working).
 * Only issues that are done: a paused send still needs its readers.
 */
export async function anonymiseDeliveries(
  trx: TransactionClientContract,
  now: DateTime,
  months: number
) {
  const before = monthsBefore(now, months)
  const updated = await trx
    .from('newsletter_deliveries')
    .whereNotNull('subscriber_id')
    .whereIn('issue_id', (issues) =>
      issues
        .from('newsletter_issues')
        .select('id')
        .whereIn('status', ['sent', 'cancelled'])
        .where((sent) =>
          sent
            .where('send_started_at', '<', before)
            .orWhere((old) => old.whereNull('send_started_at').where('sent_at', '<', before))
        )
    )
    .update({ subscriber_id: null, error: null, claim: null })
  return Number(updated)
}

/**
 * Views, forwards and sign-ups through share links older than the months:
 * each stays counted for its issue, kind and time, without the reader who
 * shared. The new subscriber a sign-up brought stays: it is part of that
 * subscriber's consent record (how they came), and the statistics count
 * confirmed sign-ups through it.
 */
export async function anonymiseShareEvents(
  trx: TransactionClientContract,
  now: DateTime,
  months: number
) {
  const updated = await trx
    .from('newsletter_share_events')
    .where('created_at', '<', monthsBefore(now, months))
    .where((linked) => linked.whereNotNull('sharer_id').orWhereNotNull('delivery_id'))
    .update({ sharer_id: null, delivery_id: null })
  return Number(updated)
}

/** A forward not sent a week after it was asked for will not be: its job has given up. */
export const FORWARD_ABANDONED_AFTER_DAYS = 7

/**
 * Forwards sent more than the months ago: the colleague's address, the note
 * and the link to the reader who forwarded go with the row. The share event
 * of kind forward keeps the count. A forward that was never sent goes as
 * well once it is that old, and never before its job has given up.
 */
export async function deleteForwards(
  trx: TransactionClientContract,
  now: DateTime,
  months: number
) {
  const before = monthsBefore(now, months)
  const givenUp = daysBefore(now, FORWARD_ABANDONED_AFTER_DAYS)
  // Both are written the same way, so the earlier one is the smaller string.
  const abandonedBefore = before < givenUp ? before : givenUp
  const deleted = await trx
    .from('newsletter_forwards')
    .where((old) =>
      old
        .where((sent) => sent.where('status', 'sent').where('sent_at', '<', before))
        .orWhere((never) =>
          never.whereNot('status', 'sent').where('created_at', '<', abandonedBefore)
        )
    )
    .delete()
  return Number(deleted)
}
