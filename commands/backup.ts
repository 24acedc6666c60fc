import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * node ace backup kreds-2026-12-04.tar.gz — the database and the stored files
 * in one archive, taken while the app serves and the workers send.
 */
export default class Backup extends BaseCommand {
  static commandName = 'backup'
  static description =
    'Write the database and the stored files to one archive (encrypted when BACKUP_ENCRYPTION_KEY is set)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The archive to write, e.g. kreds-2026-12-04.tar.gz' })
  declare file: string

  @flags.string({
    description:
      "The folder whose storage/ and tmp/uploads/ are backed up (the app's root by default)",
  })
  declare filesRoot?: string

  @flags.boolean({
    description:
      'Back up although a secret ballot is open (delete the copy once the ballot has closed)',
  })
  declare duringSecretBallot?: boolean

  async run() {
    const { CreateBackup } = await import('#operations/backup/create_backup')
    const { reportFailure } = await import('#operations/backup/command_errors')
    const { default: env } = await import('#start/env')
    const { openSecretBallots } = await import('#assemblies/queries/open_secret_ballots')
    try {
      const secretBallots = await openSecretBallots()
      if (secretBallots.length > 0 && !this.duringSecretBallot) {
        this.logger.error(
          `Not backed up: a secret ballot is open (${secretBallots.join('; ')}). A copy taken now could pair the votes with the voters; back up once it has closed, or pass --during-secret-ballot and delete the copy after the ballot has closed`
        )
        this.exitCode = 1
        return
      }
      const result = await new CreateBackup().handle(this.file, {
        filesRoot: this.filesRoot ?? this.app.makePath(),
        secret: env.get('BACKUP_ENCRYPTION_KEY')?.release() || undefined,
      })
      const tables = Object.values(result.manifest.tables)
      const rows = tables.reduce((sum, table) => sum + table.rows, 0)
      this.logger.success(
        `Wrote ${result.file} (${result.size} bytes): ${tables.length} tables, ${rows} rows, ${result.manifest.files.length} files, up to ${result.manifest.lastMigration}`
      )
    } catch (error) {
      this.logger.error(reportFailure(error))
      this.exitCode = 1
    }
  }
}
