import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * The readers an issue goes to: an active subscription to any of its lists,
 * and an address that is neither suppressed nor erased.
 */
function mailableReaders(client: QueryClientContract, issueId: number) {
  return client
    .from('subscribers')
    .join('subscriptions', 'subscriptions.subscriber_id', 'subscribers.id')
    .join('newsletter_issue_lists', 'newsletter_issue_lists.list_id', 'subscriptions.list_id')
    .where('newsletter_issue_lists.issue_id', issueId)
    .where('subscriptions.status', 'active')
    .whereNull('subscribers.suppressed_reason')
    .whereNull('subscribers.erased_at')
    .whereNotNull('subscribers.email')
}

/**
 * One delivery row for every mailable reader, once however many of the
 * issue's lists they are on and however often this runs.
 */
export async function queueDeliveries(trx: TransactionClientContract, issueId: number) {
  const before = await countDeliveries(trx, issueId)
  const select = mailableReaders(trx, issueId)
    .whereNotExists((existing) =>
      existing
        .from('newsletter_deliveries as existing')
        .where('existing.issue_id', issueId)
        .whereColumn('existing.subscriber_id', 'subscribers.id')
    )
    .distinct('subscribers.id')
    .select(
      trx.raw('? AS issue_id', [issueId]),
      trx.raw("'queued' AS status"),
      trx.raw('0 AS attempts')
    )
    .toSQL()
  // One statement, so no reader is read and then written row by row.
  await trx.rawQuery(
    `INSERT INTO newsletter_deliveries (subscriber_id, issue_id, status, attempts) ${select.sql}`,
    select.bindings as (string | number)[]
  )
  return (await countDeliveries(trx, issueId)) - before
}

async function countDeliveries(trx: TransactionClientContract, issueId: number) {
  const row = await trx
    .from('newsletter_deliveries')
    .where('issue_id', issueId)
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}

/** How many would get the issue now: shown before sending. */
export async function countRecipients(issueId: number) {
  const row = await mailableReaders(db.connection(), issueId)
    .countDistinct('subscribers.id as total')
    .first()
  return Number(row?.total ?? 0)
}
