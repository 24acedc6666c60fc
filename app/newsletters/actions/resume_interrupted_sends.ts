import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { StartScheduledIssues } from '#newsletters/actions/start_scheduled_issues'
import { dispatchQueuedBatches } from '#newsletters/sending/batches'
import { finishIfDone } from '#newsletters/sending/finish'
import { claimTimeoutSeconds } from '#newsletters/sending/progress'
import { sqlTimestamp } from '#shared/sql_time'

export type Resumed = { started: number[]; requeued: number; redispatched: number[] }

/**
 * Picks up what a stopped or killed process left: scheduled issues whose
 * time has passed, claims no worker has renewed within the claim timeout
 * (back to the queue, the lost try not counted), and sends that have
 * queued rows but no sign of life, whose jobs were lost with a process
 * (queued again; a claim keeps a row from going out twice). Runs when a
 * worker or the web server starts and every minute from the queue's schedule.
 */
export class ResumeInterruptedSends {
  async handle(): Promise<Resumed> {
    const started = await new StartScheduledIssues().handle()
    const cutoff = sqlTimestamp(DateTime.now().minus({ seconds: claimTimeoutSeconds() }))
    const sending = await db.from('newsletter_issues').where('status', 'sending').select('id')
    const ids = sending.map((row) => Number(row.id))
    if (!ids.length) return { started, requeued: 0, redispatched: [] }

    const requeued = Number(
      await db
        .from('newsletter_deliveries')
        .whereIn('issue_id', ids)
        .where('status', 'sending')
        .where('claimed_at', '<', cutoff)
        .update({
          status: 'queued',
          claim: null,
          attempts: db.raw('CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END'),
        })
    )

    const stalled = await db
      .from('newsletter_issues')
      .whereIn('id', ids)
      .where((query) => query.whereNull('send_started_at').orWhere('send_started_at', '<', cutoff))
      .whereExists((rows) =>
        rows
          .from('newsletter_deliveries')
          .whereColumn('newsletter_deliveries.issue_id', 'newsletter_issues.id')
          .where('newsletter_deliveries.status', 'queued')
          .where((due) =>
            due
              .whereNull('newsletter_deliveries.retry_at')
              .orWhere('newsletter_deliveries.retry_at', '<=', sqlTimestamp())
          )
      )
      .whereNotExists((rows) =>
        rows
          .from('newsletter_deliveries')
          .whereColumn('newsletter_deliveries.issue_id', 'newsletter_issues.id')
          .where('newsletter_deliveries.claimed_at', '>=', cutoff)
      )
      .select('id')
    const redispatched: number[] = []
    for (const row of stalled) {
      if (await dispatchQueuedBatches(Number(row.id))) redispatched.push(Number(row.id))
    }
    for (const id of ids) await finishIfDone(id)
    return { started, requeued, redispatched }
  }
}
