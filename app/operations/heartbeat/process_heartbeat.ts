import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { sqlTimestamp } from '#shared/sql_time'

export type ProcessKind = 'web' | 'worker'

/** How often a running process says so. */
export const HEARTBEAT_EVERY_MS = 30_000

/** A process not heard from for this long is taken for stopped (killed, or its machine gone). */
export const HEARTBEAT_STALE_MS = 3 * HEARTBEAT_EVERY_MS

export function heartbeatTime(time: DateTime = DateTime.utc()) {
  return sqlTimestamp(time.toUTC())
}

/**
 * Writes this process's row in `process_heartbeats` now and every half
 * minute, and removes it on stop. A database that cannot be reached, or has
 * no such table yet (before the migration), costs a missed beat, never the
 * process: the next beat tries again.
 */
export function startHeartbeat(kind: ProcessKind, everyMs = HEARTBEAT_EVERY_MS) {
  const id = randomUUID()
  const startedAt = heartbeatTime()
  let written = false
  let stopped = false

  const beat = async () => {
    if (stopped) return
    try {
      const seenAt = heartbeatTime()
      if (written) {
        const changed = await db
          .from('process_heartbeats')
          .where('id', id)
          .update({ seen_at: seenAt })
        if (Number(changed) > 0) return
      }
      // First beat, or the row went (a restore replaced the tables): written anew.
      await db.table('process_heartbeats').insert({
        id,
        kind,
        host: hostname().slice(0, 255),
        pid: process.pid,
        started_at: startedAt,
        seen_at: seenAt,
      })
      written = true
    } catch {
      // Missed beat: the database is down or not migrated yet.
    }
  }

  let current = beat()
  const timer = setInterval(() => {
    current = current.then(beat)
  }, everyMs)
  timer.unref()

  return {
    id,
    /** Stops beating and removes the row, so that a restore right after is not refused. */
    async stop() {
      stopped = true
      clearInterval(timer)
      await current
      await db
        .from('process_heartbeats')
        .where('id', id)
        .delete()
        .catch(() => undefined)
    },
  }
}
