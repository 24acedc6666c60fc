import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { MigrationRunner } from '@adonisjs/lucid/migration'
import { BackupError } from '#operations/backup/backup_error'

type MigrationFile = { name: string }
type MigrationSource = { getMigrations(): Promise<MigrationFile[]> }

/**
 * Runs the pending migrations, or only those up to and including `upTo`: a
 * backup's rows are loaded into the schema they were taken from, and the
 * newer migrations then carry them forward as they would a live database.
 * Returns how many ran.
 */
export async function migrate(options: { upTo?: string }) {
  const migrator = new MigrationRunner(db, app, {
    direction: 'up',
    connectionName: db.primaryConnectionName,
    // Lucid takes its MySQL lock (GET_LOCK) and releases it through the pool, which after
    // the rows are loaded may hand the release to another connection, where it fails. A
    // restore has the database to itself (it refuses one that holds rows), so no lock is needed.
    disableLocks: true,
  })
  if (options.upTo) {
    const upTo = options.upTo
    // Lucid's runner has no "up to"; its source is narrowed to the files before the mark.
    const source = (migrator as unknown as { migrationSource: MigrationSource }).migrationSource
    const all = await source.getMigrations()
    const last = all.findIndex((migration) => migration.name === upTo)
    if (last === -1) {
      throw new BackupError(
        `The backup was made by a newer Kreds: its migration ${upTo} is unknown here. Upgrade Kreds first`
      )
    }
    source.getMigrations = async () => all.slice(0, last + 1)
  }
  await migrator.run()
  if (migrator.error) throw new BackupError(`Migration failed: ${migrator.error.message}`)
  return Object.keys(migrator.migratedFiles).length
}
