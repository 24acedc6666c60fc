import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * One delivery row for every reader with an active subscription to any of
 * the issue's lists, once however many lists they share and however often
 * this runs. Suppressed and erased addresses never get a row.
 */
export async function queueDeliveries(trx: TransactionClientContract, issueId: number) {
  const before = await countDeliveries(trx, issueId)
  await trx.rawQuery(
    `INSERT INTO newsletter_deliveries (issue_id, subscriber_id, status, attempts)
     SELECT DISTINCT ?, subscribers.id, 'queued', 0
     FROM subscribers
     JOIN subscriptions ON subscriptions.subscriber_id = subscribers.id
     JOIN newsletter_issue_lists ON newsletter_issue_lists.list_id = subscriptions.list_id
     WHERE newsletter_issue_lists.issue_id = ?
       AND subscriptions.status = 'active'
       AND subscribers.suppressed_reason IS NULL
       AND subscribers.erased_at IS NULL
       AND subscribers.email IS NOT NULL
       AND NOT EXISTS (
         SELECT 1 FROM newsletter_deliveries existing
         WHERE existing.issue_id = ? AND existing.subscriber_id = subscribers.id
       )`,
    [issueId, issueId, issueId]
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
  const row = await db
    .from('subscribers')
    .join('subscriptions', 'subscriptions.subscriber_id', 'subscribers.id')
    .join('newsletter_issue_lists', 'newsletter_issue_lists.list_id', 'subscriptions.list_id')
    .where('newsletter_issue_lists.issue_id', issueId)
    .where('subscriptions.status', 'active')
    .whereNull('subscribers.suppressed_reason')
    .whereNull('subscribers.erased_at')
    .whereNotNull('subscribers.email')
    .countDistinct('subscribers.id as total')
    .first()
  return Number(row?.total ?? 0)
}
