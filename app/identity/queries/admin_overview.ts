import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { sqlTimestamp } from '#shared/sql_time'
import { getBackupOverview, type BackupOverview } from '#operations/queries/backup_overview'

export type AdminOverview = {
  staff: { active: number; invited: number; inactive: number }
  failedJobs: number
  failedDeliveries: number
  bounced: { total: number; recent: number }
  complained: { total: number; recent: number }
  backups: BackupOverview
}

/** How far back "recent" bounces and complaints reach. */
export const RECENT_DAYS = 30

function total(row: { total?: unknown } | undefined | null) {
  return Number(row?.total ?? 0)
}

/**
 * What keeps the system healthy: who can log in and who has not yet taken
 * up an invitation, jobs and newsletter messages that failed, and addresses
 * that bounced or complained, and the last nightly backup.
 */
export async function getAdminOverview(now: DateTime = DateTime.now()): Promise<AdminOverview> {
  const since = sqlTimestamp(now.toUTC().minus({ days: RECENT_DAYS }))
  const [users, jobs, deliveries, suppressed, backups] = await Promise.all([
    db
      .from('users')
      .select(
        db.raw('SUM(CASE WHEN is_active = 1 AND password IS NOT NULL THEN 1 ELSE 0 END) AS active'),
        db.raw('SUM(CASE WHEN is_active = 1 AND password IS NULL THEN 1 ELSE 0 END) AS invited'),
        db.raw('SUM(CASE WHEN is_active = 0 THEN 1 ELSE 0 END) AS inactive')
      )
      .first(),
    db.from('queue_jobs').where('status', 'failed').count('* as total').first(),
    db.from('newsletter_deliveries').where('status', 'failed').count('* as total').first(),
    db
      .from('subscribers')
      .whereIn('suppressed_reason', ['bounced', 'complained'])
      .groupBy('suppressed_reason')
      .select('suppressed_reason')
      .count('* as total')
      .select(db.raw('SUM(CASE WHEN suppressed_at >= ? THEN 1 ELSE 0 END) AS recent', [since])),
    getBackupOverview(1),
  ])
  const byReason = new Map(suppressed.map((row) => [row.suppressed_reason as string, row]))
  const figures = (reason: string) => ({
    total: total(byReason.get(reason)),
    recent: Number(byReason.get(reason)?.recent ?? 0),
  })
  return {
    staff: {
      active: Number(users?.active ?? 0),
      invited: Number(users?.invited ?? 0),
      inactive: Number(users?.inactive ?? 0),
    },
    failedJobs: total(jobs),
    failedDeliveries: total(deliveries),
    bounced: figures('bounced'),
    complained: figures('complained'),
    backups,
  }
}
