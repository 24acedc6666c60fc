import { join } from 'node:path'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import env from '#start/env'
import { openSecretBallots } from '#assemblies/queries/open_secret_ballots'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import type { AuditDetails } from '#audit/models/audit_event'
import User from '#identity/models/user'
import { CreateBackup } from '#operations/backup/create_backup'
import { reportFailure } from '#operations/backup/command_errors'
import { backupFileName } from '#operations/backup/backup_retention'
import { checkBackupFolder, pruneBackups } from '#operations/backup/backup_folder'
import BackupFailedMail from '#operations/mails/backup_failed_mail'
import { retentionOf } from '#operations/queries/backup_overview'
import BackupRun, { type BackupRunStatus } from '#operations/models/backup_run'
import { DANISH_ZONE } from '#shared/danish_time'
import { sqlTimestamp } from '#shared/sql_time'

/** The night's backup is due from 02:30 on the Danish clock. */
export const NIGHTLY_AT = { hour: 2, minute: 30 } as const

export type NightlyBackupResult =
  { status: 'off' | 'not_due' | 'still_postponed' } | { status: BackupRunStatus; run: BackupRun }

/** The last 02:30 in Denmark at or before `now`: the night the next backup belongs to. */
export function lastNightlyMark(now: DateTime) {
  const local = now.setZone(DANISH_ZONE)
  const mark = local.set({ ...NIGHTLY_AT, second: 0, millisecond: 0 })
  return mark <= local ? mark : mark.minus({ days: 1 }).set(NIGHTLY_AT)
}

type Outcome = Partial<
  Pick<BackupRun, 'fileName' | 'sizeBytes' | 'reason' | 'errorMessage' | 'prunedCount'>
>

/**
 * The nightly backup. The scheduler calls it every hour; it acts once per
 * night: when the backups are on and no run since the last 02:30 has
 * succeeded or failed. While a secret ballot is open the run is postponed
 * (recorded once a night) and the next hour tries again, so the backup is
 * taken within the hour after the ballot closes. A failure waits for the
 * next night, having mailed the admins once.
 */
export class TakeNightlyBackup {
  /** `secret`: BACKUP_ENCRYPTION_KEY unless given; null writes the archive unsealed. */
  constructor(private options: { filesRoot?: string; secret?: string | null } = {}) {}

  #secret() {
    if (this.options.secret !== undefined) return this.options.secret ?? undefined
    return env.get('BACKUP_ENCRYPTION_KEY')?.release() || undefined
  }

  async handle(actor: Actor, now: DateTime = DateTime.now()): Promise<NightlyBackupResult> {
    const settings = await getAssociationSettings()
    const folder = settings.backupFolder
    if (!folder) return { status: 'off' }

    const since = sqlTimestamp(lastNightlyMark(now).toLocal())
    const latest = await BackupRun.query()
      .where('started_at', '>=', since)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .first()
    if (latest && latest.status !== 'postponed') return { status: 'not_due' }

    const startedAt = Date.now()
    const record = (status: BackupRunStatus, outcome: Outcome) =>
      this.#record(actor, now, now.plus({ milliseconds: Date.now() - startedAt }), status, {
        folder,
        ...outcome,
      })

    const secretBallots = await openSecretBallots()
    if (secretBallots.length > 0) {
      if (latest) return { status: 'still_postponed' }
      return {
        status: 'postponed',
        run: await record('postponed', { reason: 'secret_ballot_open' }),
      }
    }

    // Marked as running first: the next hour's call finds it and leaves it be.
    const running = await BackupRun.create({
      startedAt: now.toLocal(),
      finishedAt: now.toLocal(),
      status: 'running',
      folder,
      prunedCount: 0,
    })
    const finish = (status: BackupRunStatus, outcome: Outcome) =>
      this.#record(actor, now, now.plus({ milliseconds: Date.now() - startedAt }), status, {
        folder,
        ...outcome,
        running,
      })

    const fileName = backupFileName(now)
    let size: number
    try {
      await checkBackupFolder(folder)
      const result = await new CreateBackup().handle(join(folder, fileName), {
        filesRoot: this.options.filesRoot ?? app.makePath(),
        secret: this.#secret(),
      })
      size = result.size
    } catch (error) {
      const errorMessage = reportFailure(error)
      const run = await finish('failed', { fileName, errorMessage })
      await this.#mailAdmins(run)
      return { status: 'failed', run }
    }

    // The backup itself is written: a file that cannot be deleted is noted, and tried again next night.
    const { pruned, kept } = await pruneBackups(folder, now, retentionOf(settings))
    const run = await finish('succeeded', {
      fileName,
      sizeBytes: size,
      prunedCount: pruned.length,
      errorMessage: kept.length ? `Old backups could not be deleted: ${kept.join(', ')}` : null,
    })
    return { status: 'succeeded', run }
  }

  async #record(
    actor: Actor,
    startedAt: DateTime,
    finishedAt: DateTime,
    status: BackupRunStatus,
    { running, ...values }: Outcome & { folder: string; running?: BackupRun }
  ) {
    return db.transaction(async (trx) => {
      // Stored on the server's clock, as every other timestamp; shown in Danish time.
      const outcome = {
        startedAt: startedAt.toLocal(),
        finishedAt: finishedAt.toLocal(),
        status,
        prunedCount: 0,
        ...values,
      }
      const run = running
        ? await running.useTransaction(trx).merge(outcome).save()
        : await BackupRun.create(outcome, { client: trx })
      const details: AuditDetails = { folder: values.folder }
      if (values.fileName) details.file = values.fileName
      if (values.sizeBytes !== undefined && values.sizeBytes !== null)
        details.size = values.sizeBytes
      if (status === 'succeeded') details.pruned = run.prunedCount
      if (values.errorMessage) details.error = values.errorMessage
      await recordAuditEvent(trx, actor, {
        module: 'operations',
        action: `operations.backup_${status}`,
        details,
        subject: { type: 'backup_run', id: run.id },
      })
      return run
    })
  }

  /** Every active admin, each in their own language; a mail that cannot be sent is logged. */
  async #mailAdmins(run: BackupRun) {
    const admins = await User.query().where('role', 'admin').where('is_active', true)
    for (const admin of admins) {
      try {
        await mail.send(new BackupFailedMail(admin, run))
      } catch (error) {
        logger.error({ err: error, runId: run.id }, 'The mail about a failed backup was not sent')
      }
    }
  }
}
