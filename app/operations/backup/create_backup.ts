import { mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import { stagingFolder, writeArchive } from '#operations/backup/archive'
import { BackupError } from '#operations/backup/backup_error'
import { DatabaseSession } from '#operations/backup/database_session'
import {
  EXCLUDED_TABLES,
  FORMAT,
  FORMAT_VERSION,
  tableFileName,
  type Manifest,
} from '#operations/backup/manifest'
import { stageStoredFiles } from '#operations/backup/stored_files'

export type BackupResult = { file: string; size: number; manifest: Manifest }

async function kredsVersion() {
  const pkg = JSON.parse(await readFile(app.makePath('package.json'), 'utf8')) as {
    version: string
  }
  return pkg.version
}

/**
 * Writes one archive: every table's rows read in one snapshot, the stored
 * files, and a manifest with counts and checksums. The database is read
 * before the files: an upload writes its files before its row, so every row
 * in the snapshot finds its files.
 */
export class CreateBackup {
  async handle(file: string, options: { filesRoot: string; secret?: string }) {
    const staging = await stagingFolder()
    try {
      await mkdir(join(staging, 'tables'))
      await mkdir(join(staging, 'files'))
      const snapshot = await this.snapshotDatabase(staging)
      const files = await stageStoredFiles(options.filesRoot, staging)
      const manifest: Manifest = {
        format: FORMAT,
        formatVersion: FORMAT_VERSION,
        kredsVersion: await kredsVersion(),
        createdAt: new Date().toISOString(),
        ...snapshot,
        files,
      }
      await writeFile(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2))
      try {
        await writeArchive(staging, file, options.secret)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        throw new BackupError(`Cannot write the backup file ${file}${code ? ` (${code})` : ''}`)
      }
      const { size } = await stat(file)
      return { file, size, manifest } satisfies BackupResult
    } finally {
      await rm(staging, { recursive: true, force: true })
    }
  }

  private async snapshotDatabase(staging: string) {
    const session = await DatabaseSession.open()
    try {
      await session.beginSnapshot()
      const lastMigration = await session.lastMigration()
      if (!lastMigration)
        throw new BackupError('The database has not been migrated: nothing to back up')
      const tables: Manifest['tables'] = {}
      for (const name of await session.tableNames()) {
        if (name in EXCLUDED_TABLES) continue
        const info = await session.describe(name)
        const columns = info.columns.map(({ name: column, kind }) => ({ name: column, kind }))
        const file = await open(join(staging, tableFileName(name)), 'w')
        let pending: string[] = []
        const flush = async () => {
          if (pending.length) await file.write(pending.join(''))
          pending = []
        }
        try {
          const { rows, sha256 } = await session.readRows(
            name,
            columns,
            info.primaryKey,
            async (line) => {
              pending.push(`${line}\n`)
              if (pending.length >= 1000) await flush()
            }
          )
          await flush()
          tables[name] = { columns, primaryKey: info.primaryKey, rows, sha256 }
        } finally {
          await file.close()
        }
      }
      await session.commit()
      return {
        database: session.sqlite ? ('sqlite' as const) : ('mysql' as const),
        lastMigration,
        excludedTables: Object.keys(EXCLUDED_TABLES),
        tables,
      }
    } catch (error) {
      await session.rollback()
      throw error
    } finally {
      await session.close()
    }
  }
}
