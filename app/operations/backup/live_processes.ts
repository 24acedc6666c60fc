import { DateTime } from 'luxon'
import type { DatabaseSession } from '#operations/backup/database_session'
import { HEARTBEAT_STALE_MS, heartbeatTime } from '#operations/heartbeat/process_heartbeat'

type Heartbeat = { kind: string; host: string; pid: number | string; seen_at: unknown }

const KIND_NAMES: Record<string, string> = { web: 'web server', worker: 'worker' }

function secondsSince(seenAt: unknown, now: DateTime) {
  const text = seenAt instanceof Date ? seenAt.toISOString() : String(seenAt).replace(' ', 'T')
  const seen = DateTime.fromISO(text, { zone: 'utc' })
  return seen.isValid ? Math.max(0, Math.round(now.diff(seen).as('seconds'))) : null
}

/**
 * Signs that Kreds still runs against this database: a web server or worker
 * whose heartbeat is recent (each writes one every half minute and removes
 * it when it stops), or a background job a worker took within the same
 * window. Each as a few words for the refusal; none when all is quiet.
 */
export async function liveProcesses(session: DatabaseSession, now = DateTime.utc()) {
  const tables = new Set(await session.tableNames())
  const since = now.minus({ milliseconds: HEARTBEAT_STALE_MS })
  const signs: string[] = []
  if (tables.has('process_heartbeats')) {
    const beats = await session.query<Heartbeat>(
      'SELECT kind, host, pid, seen_at FROM process_heartbeats WHERE seen_at >= ? ORDER BY seen_at DESC',
      [heartbeatTime(since)]
    )
    for (const beat of beats) {
      const ago = secondsSince(beat.seen_at, now)
      signs.push(
        `${KIND_NAMES[beat.kind] ?? beat.kind} on ${beat.host} (pid ${beat.pid})${ago === null ? '' : ` seen ${ago} s ago`}`
      )
    }
  }
  if (tables.has('queue_jobs')) {
    const [row] = await session.query<{ running: number | string }>(
      "SELECT COUNT(*) AS running FROM queue_jobs WHERE status = 'active' AND acquired_at >= ?",
      [since.toMillis()]
    )
    const running = Number(row?.running ?? 0)
    if (running > 0) signs.push(`${running} background job(s) running`)
  }
  return signs
}
