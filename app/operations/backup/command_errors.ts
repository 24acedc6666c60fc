import db from '@adonisjs/lucid/services/db'
import { BackupError } from '#operations/backup/backup_error'
import { describeDatabaseError, isDatabaseUnreachable } from '#shared/database_errors'

/** The one line a backup or restore command prints when it fails. */
export function reportFailure(error: unknown) {
  if (error instanceof BackupError) return error.message
  if (isDatabaseUnreachable(error)) return describeDatabaseError(error, db.primaryConnectionName)
  return `Failed: ${error instanceof Error ? error.message : String(error)}`
}
