import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { PARKED_FOR_MS } from '#shared/csv/parked_uploads'
import { UPLOAD_FOLDER } from '#middleware/upload_middleware'
import { sqlTimestamp } from '#shared/sql_time'

/** Finished jobs stay a month, so that the admin can still see why one failed. */
export const FINISHED_JOBS_KEPT_DAYS = 30

/**
 * Folders under tmp/ that hold only passing files: previews waiting for a
 * confirmation and a request's uploads. The logo and imported bank files
 * kept for the audit trail live in other folders and are never touched.
 */
export const TEMPORARY_FOLDERS = ['imports', UPLOAD_FOLDER]

export type CleanUpCounts = {
  staff_tokens: number
  member_tokens: number
  sessions: number
  temporary_files: number
  queue_jobs: number
}

/**
 * Deletes what has outlived its use and is kept nowhere else: staff links
 * that were used or have expired, member login links that have expired,
 * ended sessions, abandoned temporary files and finished queue jobs older
 * than a month. Every run is one audit event with the counts, also a run
 * that found nothing, so the log shows that the clean-up is alive.
 */
export class CleanUpExpiredData {
  constructor(private tmpRoot: string = app.tmpPath()) {}

  async handle(actor: Actor, now: DateTime = DateTime.now()): Promise<CleanUpCounts> {
    const temporaryFiles = await this.#removeTemporaryFiles(now.toMillis())
    return db.transaction(async (trx) => {
      const at = sqlTimestamp(now)
      const counts: CleanUpCounts = {
        staff_tokens: Number(
          await trx
            .from('user_tokens')
            .where((query) => query.where('expires_at', '<=', at).orWhereNotNull('used_at'))
            .delete()
        ),
        member_tokens: Number(
          await trx.from('member_login_tokens').where('expires_at', '<=', at).delete()
        ),
        // Compared with a Date, as the session store writes it (milliseconds on SQLite).
        sessions: Number(
          await trx.from('sessions').where('expires_at', '<=', now.toJSDate()).delete()
        ),
        temporary_files: temporaryFiles,
        queue_jobs: Number(
          await trx
            .from('queue_jobs')
            .whereIn('status', ['completed', 'failed'])
            .where('finished_at', '<', now.minus({ days: FINISHED_JOBS_KEPT_DAYS }).toMillis())
            .delete()
        ),
      }
      await recordAuditEvent(trx, actor, {
        module: 'operations',
        action: 'operations.retention_run',
        details: counts,
      })
      return counts
    })
  }

  /** Files (not folders) last written more than a day ago. */
  async #removeTemporaryFiles(now: number) {
    let removed = 0
    for (const folder of TEMPORARY_FOLDERS) {
      const path = join(this.tmpRoot, folder)
      const entries = await readdir(path, { withFileTypes: true }).catch(() => [])
      for (const entry of entries) {
        if (!entry.isFile()) continue
        const file = join(path, entry.name)
        const info = await stat(file).catch(() => null)
        if (!info || now - info.mtimeMs <= PARKED_FOR_MS) continue
        await rm(file, { force: true })
        removed++
      }
    }
    return removed
  }
}
