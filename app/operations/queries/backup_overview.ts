import { getAssociationSettings } from '#association/queries/get_association_settings'
import type AssociationSettings from '#association/models/association_settings'
import type { Retention } from '#operations/backup/backup_retention'
import BackupRun from '#operations/models/backup_run'

/** A size as the page says it: the figure is formatted by the reader's language ("12,3 MB"). */
export type ShownSize = { value: number; unit: 'B' | 'kB' | 'MB' | 'GB'; bytes: number }

export function shownSize(bytes: number | null): ShownSize | null {
  if (bytes === null) return null
  const units = [
    ['GB', 1e9],
    ['MB', 1e6],
    ['kB', 1e3],
  ] as const
  for (const [unit, size] of units) {
    if (bytes >= size) return { value: Math.round((bytes / size) * 10) / 10, unit, bytes }
  }
  return { value: bytes, unit: 'B', bytes }
}

export type ShownRun = {
  id: number
  startedAt: BackupRun['startedAt']
  status: BackupRun['status']
  fileName: string | null
  size: ShownSize | null
  reason: string | null
  errorMessage: string | null
  prunedCount: number
  folder: string
}

function shown(run: BackupRun): ShownRun {
  return {
    id: run.id,
    startedAt: run.startedAt,
    status: run.status,
    fileName: run.fileName,
    size: shownSize(run.sizeBytes),
    reason: run.reason,
    errorMessage: run.errorMessage,
    prunedCount: run.prunedCount,
    folder: run.folder,
  }
}

export type BackupOverview = {
  folder: string | null
  keep: Retention
  lastRun: ShownRun | null
  lastSuccess: ShownRun | null
  runs: ShownRun[]
}

/** The counts kept, as the pruning rule takes them. */
export function retentionOf(settings: AssociationSettings): Retention {
  return {
    daily: settings.backupKeepDaily,
    weekly: settings.backupKeepWeekly,
    monthly: settings.backupKeepMonthly,
  }
}

/** The last successful backup, for the dashboard and the metrics. */
export async function lastSuccessfulBackup() {
  return BackupRun.query()
    .where('status', 'succeeded')
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .first()
}

/** The settings, the last successful backup and the newest runs, newest first. */
export async function getBackupOverview(recent = 10): Promise<BackupOverview> {
  const settings = await getAssociationSettings()
  const [runs, success] = await Promise.all([
    BackupRun.query().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(recent),
    lastSuccessfulBackup(),
  ])
  return {
    folder: settings.backupFolder ?? null,
    keep: retentionOf(settings),
    lastRun: runs[0] ? shown(runs[0]) : null,
    lastSuccess: success ? shown(success) : null,
    runs: runs.map(shown),
  }
}
