import db from '@adonisjs/lucid/services/db'
import SendDeliveryBatchJob from '#newsletters/jobs/send_delivery_batch_job'
import { sqlTimestamp } from '#shared/sql_time'

/** Ids per job: small enough that a job finishes quickly, large enough to read in one query. */
export const BATCH_SIZE = 200

/**
 * Puts every queued delivery of the issue that is due into jobs of
 * BATCH_SIZE ids. Rows waiting after a temporary refusal keep their own
 * delayed job.
 */
export async function dispatchQueuedBatches(issueId: number) {
  const rows = await db
    .from('newsletter_deliveries')
    .where('issue_id', issueId)
    .where('status', 'queued')
    .where((query) => query.whereNull('retry_at').orWhere('retry_at', '<=', sqlTimestamp()))
    .orderBy('id')
    .select('id')
  const ids = rows.map((row) => Number(row.id))
  const payloads = []
  for (let start = 0; start < ids.length; start += BATCH_SIZE) {
    payloads.push({ issueId, deliveryIds: ids.slice(start, start + BATCH_SIZE) })
  }
  if (payloads.length) await SendDeliveryBatchJob.dispatchMany(payloads)
  return payloads.length
}
