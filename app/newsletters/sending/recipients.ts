import { createHash } from 'node:crypto'
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

/** The issue's lists with how many of each list's readers it reaches; a reader on two lists counts on both. */
export async function recipientsPerList(issueId: number) {
  const rows = await mailableReaders(db.connection(), issueId)
    .join('newsletter_lists', 'newsletter_lists.id', 'subscriptions.list_id')
    .groupBy('newsletter_lists.id', 'newsletter_lists.name')
    .orderBy('newsletter_lists.name')
    .select('newsletter_lists.id', 'newsletter_lists.name')
    .countDistinct('subscribers.id as total')
  return rows.map((row) => ({
    id: Number(row.id),
    name: String(row.name),
    count: Number(row.total),
  }))
}

/**
 * Exactly who would get the issue now, as a digest of their ids. The send
 * page's confirmation carries it, so a send whose readers changed since the
 * secretary looked is shown again instead of going to people not shown.
 */
export async function recipientFingerprint(client: QueryClientContract, issueId: number) {
  const rows = await mailableReaders(client, issueId)
    .distinct('subscribers.id')
    .orderBy('subscribers.id')
  return fingerprintOf(rows.map((row) => Number(row.id)))
}

/** The same digest over the delivery rows a send has queued. */
export async function queuedFingerprint(client: QueryClientContract, issueId: number) {
  const rows = await client
    .from('newsletter_deliveries')
    .where('issue_id', issueId)
    .orderBy('subscriber_id')
    .select('subscriber_id')
  return fingerprintOf(rows.map((row) => Number(row.subscriber_id)))
}

function fingerprintOf(ids: number[]) {
  return createHash('sha256').update(ids.join(',')).digest('hex')
}

/** One page of the readers the issue would go to, by address. */
export async function pageOfRecipients(issueId: number, page: number) {
  const ids = mailableReaders(db.connection(), issueId).select('subscribers.id')
  return db
    .from('subscribers')
    .whereIn('id', ids)
    .orderBy('email')
    .orderBy('id')
    .select('id', 'email', 'name')
    .paginate(page, RECIPIENT_PAGE)
}

export const RECIPIENT_PAGE = 50
