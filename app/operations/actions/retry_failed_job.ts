import db from '@adonisjs/lucid/services/db'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'

/** The queue's score: priority × 10¹³ + when it was queued; 5 is the queue's default priority. */
const PRIORITY_SCORE_MULTIPLIER = 1e13
const DEFAULT_PRIORITY = 5

export type RetryResult = { status: 'queued'; name: string } | { status: 'not_failed' }

/**
 * Puts a failed job back in its queue as a new attempt, as the worker
 * would have done with retries left. Only a job still failed is moved, in
 * one conditional update, so two clicks (or two admins) queue it once.
 */
export class RetryFailedJob {
  async handle(jobId: string, actor: Actor): Promise<RetryResult> {
    return db.transaction(async (trx) => {
      const row = await trx.from('queue_jobs').where({ id: jobId, status: 'failed' }).first()
      if (!row) return { status: 'not_failed' }
      const job = { id: jobId, queue: String(row.queue) }
      const data = JSON.parse(String(row.data)) as { name: string; priority?: number }
      const now = Date.now()
      const moved = await trx
        .from('queue_jobs')
        .where({ id: job.id, queue: job.queue, status: 'failed' })
        .update({
          status: 'pending',
          data: JSON.stringify({ ...data, attempts: 0, stalledCount: 0 }),
          score: (data.priority ?? DEFAULT_PRIORITY) * PRIORITY_SCORE_MULTIPLIER + now,
          error: null,
          finished_at: null,
          worker_id: null,
          acquired_at: null,
          execute_at: null,
        })
      if (Number(moved) !== 1) return { status: 'not_failed' }
      await recordAuditEvent(trx, actor, {
        module: 'operations',
        action: 'operations.job_retried',
        details: { name: data.name, queue: job.queue },
        subject: { type: 'queue_job', id: job.id },
      })
      return { status: 'queued', name: data.name }
    })
  }
}
