import { createReadStream } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { join } from 'node:path'
import { extractArchive } from '#operations/backup/archive'
import { BackupError } from '#operations/backup/backup_error'
import { DatabaseSession } from '#operations/backup/database_session'
import {
  EXCLUDED_TABLES,
  FORMAT,
  FORMAT_VERSION,
  tableFileName,
  type Manifest,
} from '#operations/backup/manifest'
import { liveProcesses } from '#operations/backup/live_processes'
import { migrate } from '#operations/backup/migrate'
import { fromPortable, type PortableValue } from '#operations/backup/portable_values'
import {
  emptyStoredFolders,
  isStoredPath,
  placeStoredFile,
  sha256OfFile,
} from '#operations/backup/stored_files'

export type RestoreResult = {
  manifest: Manifest
  counts: Record<string, number>
  newerMigrations: number
}

const BATCH = 200

/**
 * Restores an archive into an empty database: checks every checksum before
 * touching the database, migrates to the backup's schema, loads the rows with
 * foreign key checks off (the tables refer to each other in circles), checks
 * the loaded rows against the manifest, places the files and only then runs
 * the migrations the backup is older than.
 */
export class RestoreBackup {
  async handle(
    file: string,
    options: { filesRoot: string; force: boolean; secret?: string; ignoreRunning?: boolean }
  ) {
    if (!options.ignoreRunning) await this.refuseWhileRunning()
    const { folder, unpacked } = await extractArchive(file, options.secret)
    try {
      const manifest = await this.readManifest(unpacked)
      await this.verifyArchive(unpacked, manifest)
      await this.emptyDatabase(options.force)
      await migrate({ upTo: manifest.lastMigration })
      const counts = await this.loadRows(unpacked, manifest)
      if (options.force) await emptyStoredFolders(options.filesRoot)
      for (const stored of manifest.files) {
        await placeStoredFile(unpacked, options.filesRoot, stored.path)
      }
      const newerMigrations = await migrate({})
      return { manifest, counts, newerMigrations } satisfies RestoreResult
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  }

  /**
   * A web server or worker still running would write into the tables being
   * replaced, and go on with what it held in memory: the restore waits until
   * they are stopped. A process that was killed leaves its mark for at most
   * a minute and a half; --ignore-running restores at once.
   */
  private async refuseWhileRunning() {
    const session = await DatabaseSession.open()
    let signs: string[]
    try {
      signs = await liveProcesses(session)
    } finally {
      await session.close()
    }
    if (signs.length) {
      throw new BackupError(
        `Kreds is still running against this database: ${signs.join('; ')}. Stop the web server and the workers first (a killed process's mark expires within 90 seconds), or add --ignore-running when you are sure none runs`
      )
    }
  }

  private async readManifest(unpacked: string) {
    let manifest: Manifest
    try {
      manifest = JSON.parse(await readFile(join(unpacked, 'manifest.json'), 'utf8')) as Manifest
    } catch {
      throw new BackupError('The backup has no readable manifest.json: it is not a Kreds backup')
    }
    if (manifest.format !== FORMAT) throw new BackupError('The file is not a Kreds backup')
    if (manifest.formatVersion > FORMAT_VERSION) {
      throw new BackupError(
        `The backup was written by a newer Kreds (format ${manifest.formatVersion}): upgrade Kreds first`
      )
    }
    // Table names become file paths and identifiers: only what a migration would name.
    const odd = Object.keys(manifest.tables ?? {}).find((name) => !/^\w+$/.test(name))
    if (odd !== undefined || !manifest.tables || !Array.isArray(manifest.files)) {
      throw new BackupError('The backup is damaged: its manifest is not one Kreds writes')
    }
    return manifest
  }

  private async verifyArchive(unpacked: string, manifest: Manifest) {
    for (const [table, described] of Object.entries(manifest.tables)) {
      // The file is the rows' lines exactly, so its SHA-256 is the rows' checksum.
      const sha256 = await sha256OfFile(join(unpacked, tableFileName(table))).catch(() => null)
      if (sha256 === null) throw new BackupError(`The backup lacks the rows of table ${table}`)
      if (sha256 !== described.sha256) {
        throw new BackupError(
          `The backup is damaged: the rows of table ${table} do not match their checksum`
        )
      }
    }
    for (const stored of manifest.files) {
      if (!isStoredPath(stored.path)) {
        throw new BackupError(`The backup names a file outside the stored folders: ${stored.path}`)
      }
      const sha256 = await sha256OfFile(join(unpacked, 'files', stored.path)).catch(() => null)
      if (sha256 !== stored.sha256) {
        throw new BackupError(
          `The backup is damaged: the file ${stored.path} does not match its checksum`
        )
      }
    }
  }

  /**
   * Refuses a database that holds data, naming what it holds. An empty one
   * (or one --force may empty) loses its tables, so that the backup's
   * migrations build the schema the rows were taken from.
   */
  private async emptyDatabase(force: boolean) {
    const session = await DatabaseSession.open()
    try {
      const tables = await session.tableNames()
      if (!force) {
        const holding: string[] = []
        for (const table of tables) {
          if (table in EXCLUDED_TABLES) continue
          const rows = await session.countRows(table)
          if (rows > 0) holding.push(`${table} (${rows})`)
        }
        if (holding.length) {
          const named = holding.slice(0, 5).join(', ')
          const more = holding.length > 5 ? ` and ${holding.length - 5} more tables` : ''
          throw new BackupError(
            `The database is not empty: it holds rows in ${named}${more}. Restore into an empty database, or add --force to empty this one first`
          )
        }
      }
      await session.foreignKeyChecks(false)
      for (const table of tables) await session.query(`DROP TABLE ${session.quote(table)}`)
      await session.foreignKeyChecks(true)
    } finally {
      await session.close()
    }
  }

  private async loadRows(unpacked: string, manifest: Manifest) {
    const session = await DatabaseSession.open()
    const counts: Record<string, number> = {}
    try {
      const present = new Set(await session.tableNames())
      await session.foreignKeyChecks(false)
      await session.begin()
      for (const [table, described] of Object.entries(manifest.tables)) {
        if (!present.has(table)) {
          throw new BackupError(`The table ${table} from the backup is unknown to this Kreds`)
        }
        const lines = createInterface({
          input: createReadStream(join(unpacked, tableFileName(table))),
          crlfDelay: Infinity,
        })
        let batch: Record<string, unknown>[] = []
        let count = 0
        for await (const line of lines) {
          if (line === '') continue
          const values = JSON.parse(line) as PortableValue[]
          batch.push(
            Object.fromEntries(
              described.columns.map((column, index) => [
                column.name,
                fromPortable(column.kind, values[index]),
              ])
            )
          )
          count++
          if (batch.length === BATCH) {
            await session.insert(table, batch)
            batch = []
          }
        }
        if (batch.length) await session.insert(table, batch)
        counts[table] = count
      }
      await session.commit()
      await session.foreignKeyChecks(true)
      await this.continueSequences(session, manifest)
      await this.verifyRows(session, manifest)
      return counts
    } catch (error) {
      await session.rollback()
      throw error
    } finally {
      await session.foreignKeyChecks(true).catch(() => undefined)
      await session.close()
    }
  }

  /**
   * Explicit ids move SQLite's sequences by themselves; MariaDB's counter is
   * set past the highest id too, so that a new row never takes a restored id.
   */
  private async continueSequences(session: DatabaseSession, manifest: Manifest) {
    if (session.sqlite) return
    for (const table of Object.keys(manifest.tables)) {
      const info = await session.describe(table)
      const counter = info.columns.find((column) => column.autoIncrement)
      if (!counter) continue
      const [row] = await session.query<{ highest: number | string | null }>(
        `SELECT MAX(${session.quote(counter.name)}) AS highest FROM ${session.quote(table)}`
      )
      const next = BigInt(row.highest ?? 0) + 1n
      await session.query(`ALTER TABLE ${session.quote(table)} AUTO_INCREMENT = ${next}`)
    }
  }

  private async verifyRows(session: DatabaseSession, manifest: Manifest) {
    for (const [table, described] of Object.entries(manifest.tables)) {
      const { rows, sha256 } = await session.readRows(
        table,
        described.columns,
        described.primaryKey
      )
      if (rows !== described.rows || sha256 !== described.sha256) {
        throw new BackupError(
          `The restored rows of table ${table} do not match the backup's checksum (${rows} of ${described.rows} rows)`
        )
      }
    }
  }
}
