import db from '@adonisjs/lucid/services/db'
import SendDeliveryBatchJob from '#newsletters/jobs/send_delivery_batch_job'

/** Ids per job: small enough that a job finishes quickly, large enough to read in one query. */
export const BATCH_SIZE = 200

/** Puts every queued delivery of the issue into jobs of BATCH_SIZE ids. */
export async function dispatchQueuedBatches(issueId: number) {
  const rows = await db
    .from('newsletter_deliveries')
    .where('issue_id', issueId)
    .where('status', 'queued')
    .orderBy('id')
    .select('id')
  const ids = rows.map((row) => Number(row.id))
  let jobs = 0
  for (let start = 0; start < ids.length; start += BATCH_SIZE) {
    await SendDeliveryBatchJob.dispatch({
      issueId,
      deliveryIds: ids.slice(start, start + BATCH_SIZE),
    })
    jobs++
  }
  return jobs
}
