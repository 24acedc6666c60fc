import { access, constants, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { DateTime } from 'luxon'
import { BackupError } from '#operations/backup/backup_error'
import { backupsToDelete, type Retention } from '#operations/backup/backup_retention'

function codeOf(error: unknown) {
  const code = (error as NodeJS.ErrnoException)?.code
  return code ? ` (${code})` : ''
}

/**
 * The folder must exist already and take new files: a folder that is not
 * there is a backup disk that is not mounted, and creating it would put the
 * backups on the server's own disk instead.
 */
export async function checkBackupFolder(folder: string) {
  let info
  try {
    info = await stat(folder)
  } catch (error) {
    throw new BackupError(`The backup folder ${folder} cannot be found${codeOf(error)}`)
  }
  if (!info.isDirectory()) throw new BackupError(`The backup folder ${folder} is not a folder`)
  try {
    await access(folder, constants.W_OK)
  } catch (error) {
    throw new BackupError(`The backup folder ${folder} cannot be written to${codeOf(error)}`)
  }
}

/**
 * Deletes the backups the retention rule lets go. Only files named as Kreds
 * names its backups are looked at: whatever else lies in the folder stays.
 */
export async function pruneBackups(folder: string, now: DateTime, keep: Retention) {
  const pruned: string[] = []
  /** Files that were to go and could not, each with the reason. */
  const kept: string[] = []
  let entries
  try {
    entries = await readdir(folder, { withFileTypes: true })
  } catch (error) {
    return { pruned, kept: [`${folder}${codeOf(error)}`] }
  }
  const names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name)
  for (const name of backupsToDelete(names, now, keep)) {
    try {
      await rm(join(folder, name))
      pruned.push(name)
    } catch (error) {
      kept.push(`${name}${codeOf(error)}`)
    }
  }
  return { pruned, kept }
}
