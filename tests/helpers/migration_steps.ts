import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { MigrationRunner } from '@adonisjs/lucid/migration'
import knex, { type Knex } from 'knex'

/*
| One migration at a time, up or down, on a connection of the test's own:
| what an upgrade (or a rollback) does to a database that holds data.
*/

type MigrationSource = { getMigrations(): Promise<{ name: string }[]> }
export type TableRows = { columns: string[]; rows: Record<string, unknown>[] }
export type Snapshot = Map<string, TableRows>

const OWN_TABLES = new Set(['adonis_schema', 'adonis_schema_versions'])

/** A connection like the suite's, on another SQLite file or MariaDB database. */
export function addConnection(name: string, target: { sqlite?: string; mysql?: string }) {
  const base = db.manager.get(db.primaryConnectionName)!.config as Record<string, any>
  const connection = target.sqlite
    ? { ...base.connection, filename: app.makePath(target.sqlite) }
    : { ...base.connection, database: target.mysql }
  db.manager.add(name, { ...base, connection } as never)
  return {
    /** A second client for filling tables, with foreign key checks off (rows refer in circles). */
    filler: (): Knex =>
      knex({
        client: base.client,
        connection,
        useNullAsDefault: true,
        pool: {
          min: 0,
          max: 1,
          // better-sqlite3 turns foreign keys on for every connection unless told otherwise.
          afterCreate: (raw: { pragma?: (sql: string) => unknown }, done: () => void) => {
            raw.pragma?.('foreign_keys = OFF')
            done()
          },
        },
      }),
  }
}

function runner(connectionName: string, direction: 'up' | 'down', step?: number) {
  return new MigrationRunner(db, app, {
    direction,
    connectionName,
    disableLocks: true,
    ...(step ? { step } : {}),
  })
}

function sourceOf(migrator: MigrationRunner) {
  return (migrator as unknown as { migrationSource: MigrationSource }).migrationSource
}

export async function migrationNames(connectionName: string) {
  return (await sourceOf(runner(connectionName, 'up')).getMigrations()).map((file) => file.name)
}

/** Runs the pending migrations among the first `count`; returns their names. */
export async function migrateUpTo(connectionName: string, count: number) {
  const migrator = runner(connectionName, 'up')
  const source = sourceOf(migrator)
  const all = await source.getMigrations()
  source.getMigrations = async () => all.slice(0, count)
  await migrator.run()
  const names = Object.keys(migrator.migratedFiles)
  if (migrator.error) throw new Error(`up() of ${names.join(', ')}: ${migrator.error.message}`)
  return names
}

/** Rolls back the last migration; returns its name. */
export async function rollbackOne(connectionName: string) {
  const migrator = runner(connectionName, 'down', 1)
  await migrator.run()
  const names = Object.keys(migrator.migratedFiles)
  if (migrator.error) throw new Error(`down() of ${names.join(', ')}: ${migrator.error.message}`)
  return names
}

/** Every table but the migrations' own, with its columns and rows. */
export async function snapshot(connectionName: string): Promise<Snapshot> {
  const client = db.connection(connectionName)
  const tables = (await client.getAllTables()).filter((table) => !OWN_TABLES.has(table)).sort()
  const result: Snapshot = new Map()
  for (const table of tables) {
    const columns = Object.keys(await client.columnsInfo(table)).sort()
    const rows = (await client.from(table).select('*')) as Record<string, unknown>[]
    result.set(table, { columns, rows })
  }
  return result
}

function comparable(value: unknown) {
  if (Buffer.isBuffer(value)) return `base64:${value.toString('base64')}`
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'bigint') return String(value)
  return value
}

/** The rows as sorted lines of the given columns: a multiset, whatever the order read. */
export function lines(table: TableRows, columns: string[]) {
  return table.rows
    .map((row) => JSON.stringify(columns.map((column) => comparable(row[column]))))
    .sort()
}

/**
 * Fills every empty table of the current schema with the demo rows, each
 * with the columns this schema has: demo data valid for an older schema.
 */
export async function fillEmptyTables(filler: Knex, current: Snapshot, demo: Snapshot) {
  const filled: string[] = []
  const sqlite = String(filler.client.config.client).includes('sqlite')
  for (const [table, { columns, rows }] of current) {
    const source = demo.get(table)
    if (rows.length > 0 || !source || source.rows.length === 0) continue
    const shared = columns.filter((column) => source.columns.includes(column))
    const projected = source.rows.map((row) =>
      Object.fromEntries(shared.map((column) => [column, row[column]]))
    )
    await filler.transaction(async (trx) => {
      if (!sqlite) await trx.raw('SET FOREIGN_KEY_CHECKS = 0')
      for (let start = 0; start < projected.length; start += 200) {
        await trx.table(table).insert(projected.slice(start, start + 200))
      }
    })
    filled.push(table)
  }
  return filled
}

/** Rolls back every migration, whatever batch it ran in. */
export async function rollbackAll(connectionName: string) {
  const migrator = new MigrationRunner(db, app, {
    direction: 'down',
    connectionName,
    disableLocks: true,
    batch: 0,
  })
  await migrator.run()
  if (migrator.error) throw migrator.error
}
