import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'

/** The queue's score: priority × 10¹³ + the millisecond it was queued (5: default priority). */
function score(queuedAt: number) {
  return 5 * 1e13 + queuedAt
}

function jobData(name: string, id: string) {
  return JSON.stringify({ id, name, payload: { issueId: 7 }, attempts: 3, priority: 5 })
}

/** A job as the database driver keeps it once it gave up: status failed, its error kept. */
export async function failedJob(
  options: { name?: string; error?: string | null; queue?: string } = {}
) {
  const id = randomUUID()
  const now = Date.now()
  await db.table('queue_jobs').insert({
    id,
    queue: options.queue ?? 'default',
    status: 'failed',
    data: jobData(options.name ?? 'SendDeliveryBatchJob', id),
    score: score(now - 60_000),
    finished_at: now,
    error: options.error === undefined ? 'Connection closed' : options.error,
  })
  return id
}

/** A job waiting to run, queued the given time ago. */
export async function queuedJob(options: { queuedMsAgo?: number; name?: string } = {}) {
  const id = randomUUID()
  await db.table('queue_jobs').insert({
    id,
    queue: 'default',
    status: 'pending',
    data: jobData(options.name ?? 'SendForwardJob', id),
    score: score(Date.now() - (options.queuedMsAgo ?? 0)),
  })
  return id
}

/** Runs a test as if the queue used this driver (tests run jobs synchronously), put back after. */
export function withQueueDriver(driver: 'database' | 'redis' | 'sync') {
  const before = env.get('QUEUE_DRIVER')
  env.set('QUEUE_DRIVER', driver)
  return () => env.set('QUEUE_DRIVER', before)
}
