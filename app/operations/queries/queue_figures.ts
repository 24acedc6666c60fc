import env from '#start/env'
import db from '@adonisjs/lucid/services/db'

/** The queue's score is priority × 10¹³ + the millisecond it was queued (@boringnode/queue). */
const PRIORITY_SCORE_MULTIPLIER = 1e13

export const JOB_STATUSES = ['pending', 'active', 'delayed', 'failed', 'completed'] as const

export type QueueFigures = {
  /** Jobs by queue and status. */
  jobs: { queue: string; status: string; total: number }[]
  /** Per queue, how long the oldest job waiting to run has waited, in seconds. */
  oldestWaiting: { queue: string; seconds: number }[]
}

/**
 * The queue's jobs as the database driver keeps them. Null with another
 * driver: Redis keeps its jobs in Redis, and the sync driver keeps none.
 */
export async function getQueueFigures(now = Date.now()): Promise<QueueFigures | null> {
  if (env.get('QUEUE_DRIVER') !== 'database') return null
  const [byStatus, waiting] = await Promise.all([
    db.from('queue_jobs').select('queue', 'status').count('* as total').groupBy('queue', 'status'),
    db
      .from('queue_jobs')
      .where('status', 'pending')
      .select('queue')
      .min('score as score')
      .groupBy('queue'),
  ])
  return {
    jobs: byStatus.map((row) => ({
      queue: String(row.queue),
      status: String(row.status),
      total: Number(row.total),
    })),
    oldestWaiting: waiting.map((row) => {
      const queuedAt = Number(row.score) % PRIORITY_SCORE_MULTIPLIER
      return { queue: String(row.queue), seconds: Math.max(0, (now - queuedAt) / 1000) }
    }),
  }
}
