import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'

export type FailedJob = {
  id: string
  queue: string
  name: string
  attempts: number
  /** The job's input (ids, never rendered content), shortened for the page. */
  payload: string
  error: string | null
  failedAt: DateTime | null
}

const PAYLOAD_SHOWN = 200

function describe(row: Record<string, unknown>): FailedJob {
  let data: { name?: string; attempts?: number; payload?: unknown } = {}
  try {
    data = JSON.parse(String(row.data))
  } catch {
    // A row the queue wrote is JSON; anything else is shown by its id alone.
  }
  const payload = JSON.stringify(data.payload ?? null)
  return {
    id: String(row.id),
    queue: String(row.queue),
    name: data.name ?? '?',
    attempts: Number(data.attempts ?? 0),
    payload: payload.length > PAYLOAD_SHOWN ? `${payload.slice(0, PAYLOAD_SHOWN)}…` : payload,
    error: row.error ? String(row.error) : null,
    failedAt: row.finished_at ? DateTime.fromMillis(Number(row.finished_at)) : null,
  }
}

/** The newest failed jobs first, as the database queue driver keeps them (thirty days). */
export async function listFailedJobs(limit = 100) {
  const rows = await db
    .from('queue_jobs')
    .where('status', 'failed')
    .orderBy('finished_at', 'desc')
    .limit(limit)
  return rows.map(describe)
}
