import { DateTime } from 'luxon'
import { DANISH_ZONE } from '#shared/danish_time'

/**
 * The nightly backups' names and which of them to keep. Pure: names and
 * times in, names out, so the rule is tested without a disk or a clock.
 */

/** kreds-2026-12-04-0230.tar.gz: the Danish wall-clock time the backup was taken. */
export const BACKUP_NAME = /^kreds-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})\.tar\.gz$/

export type Retention = { daily: number; weekly: number; monthly: number }

/** The highest count a setting takes: a year of days. */
export const MAX_KEPT = 366

/** The name of a backup taken at `at`, on the Danish clock. */
export function backupFileName(at: DateTime) {
  return `kreds-${at.setZone(DANISH_ZONE).toFormat('yyyy-MM-dd-HHmm')}.tar.gz`
}

/** When a backup of this name was taken, or null for any name Kreds does not write. */
export function parseBackupName(name: string) {
  const match = BACKUP_NAME.exec(name)
  if (!match) return null
  const [, year, month, day, hour, minute] = match.map(Number)
  const at = DateTime.fromObject({ year, month, day, hour, minute }, { zone: DANISH_ZONE })
  return at.isValid ? at : null
}

const PERIODS = {
  daily: (at: DateTime) => at.toISODate()!,
  weekly: (at: DateTime) => `${at.weekYear}-W${at.weekNumber}`,
  monthly: (at: DateTime) => at.toFormat('yyyy-MM'),
} as const

const STEP = { daily: 'days', weekly: 'weeks', monthly: 'months' } as const

/** The keys of the `count` periods ending with the one `now` is in (today, this ISO week, this month). */
function lastPeriods(kind: keyof typeof PERIODS, now: DateTime, count: number) {
  const keys = new Set<string>()
  // From the start of the period, so that stepping back a month from the 31st never skips one.
  const start = now.startOf(kind === 'daily' ? 'day' : kind === 'weekly' ? 'week' : 'month')
  for (let back = 0; back < count; back++) {
    keys.add(PERIODS[kind](start.minus({ [STEP[kind]]: back })))
  }
  return keys
}

/**
 * Grandfather-father-son: of the backups in `names`, keep the newest of each
 * of the last `daily` days, the newest of each of the last `weekly` ISO
 * weeks and the newest of each of the last `monthly` months, all on the
 * Danish calendar and counted back from the period `now` is in. The newest
 * backup is always kept, whatever the counts (0 keeps none of that kind),
 * and so is any backup dated after `now` (a clock that was set back).
 * Names that are not Kreds's own are never returned.
 */
export function backupsToDelete(names: string[], now: DateTime, keep: Retention): string[] {
  const local = now.setZone(DANISH_ZONE)
  const backups = names
    .flatMap((name) => {
      const at = parseBackupName(name)
      return at ? [{ name, at }] : []
    })
    .sort((a, b) => b.at.toMillis() - a.at.toMillis() || (a.name < b.name ? 1 : -1))
  if (backups.length === 0) return []

  const kept = new Set<string>([backups[0].name])
  for (const backup of backups) if (backup.at > local) kept.add(backup.name)
  for (const kind of Object.keys(PERIODS) as (keyof typeof PERIODS)[]) {
    const wanted = lastPeriods(kind, local, keep[kind])
    const seen = new Set<string>()
    for (const backup of backups) {
      const key = PERIODS[kind](backup.at)
      if (!wanted.has(key) || seen.has(key)) continue
      seen.add(key)
      kept.add(backup.name)
    }
  }
  return backups.filter((backup) => !kept.has(backup.name)).map((backup) => backup.name)
}
