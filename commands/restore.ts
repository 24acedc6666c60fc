import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * node ace restore kreds-2026-12-04.tar.gz — into an empty database, SQLite
 * or MariaDB whichever the backup came from; --force empties a full one first.
 */
export default class Restore extends BaseCommand {
  static commandName = 'restore'
  static description =
    'Restore a backup into an empty database, check its checksums and run any newer migrations'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The archive written by node ace backup' })
  declare file: string

  @flags.boolean({ description: 'Empty a database that holds data (and the stored files) first' })
  declare force: boolean

  @flags.boolean({
    description:
      'Restore even though a web server or worker seems to be running against the database',
  })
  declare ignoreRunning: boolean

  @flags.string({
    description:
      "The folder whose storage/ and tmp/uploads/ receive the files (the app's root by default)",
  })
  declare filesRoot?: string

  async run() {
    const { RestoreBackup } = await import('#operations/backup/restore_backup')
    const { reportFailure } = await import('#operations/backup/command_errors')
    const { default: env } = await import('#start/env')
    try {
      const result = await new RestoreBackup().handle(this.file, {
        filesRoot: this.filesRoot ?? this.app.makePath(),
        force: this.force ?? false,
        ignoreRunning: this.ignoreRunning ?? false,
        secret: env.get('BACKUP_ENCRYPTION_KEY')?.release() || undefined,
      })
      const table = this.ui.table()
      table.head(['Table', 'Rows'])
      for (const [name, rows] of Object.entries(result.counts)) table.row([name, String(rows)])
      table.render()
      const { manifest } = result
      this.logger.success(
        `Restored ${this.file}: ${Object.keys(result.counts).length} tables and ${manifest.files.length} files, checksums verified; backup from Kreds ${manifest.kredsVersion} on ${manifest.database}, ${result.newerMigrations} newer migration(s) applied`
      )
    } catch (error) {
      this.logger.error(reportFailure(error))
      this.exitCode = 1
    }
  }
}
