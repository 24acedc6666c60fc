import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { Knex } from 'knex'
import {
  compareKeys,
  mysqlKind,
  sqliteKind,
  toPortable,
  type ColumnKind,
  type PortableValue,
} from '#operations/backup/portable_values'

export type ColumnInfo = { name: string; kind: ColumnKind; autoIncrement: boolean }
export type TableInfo = { name: string; columns: ColumnInfo[]; primaryKey: string[] }
const PAGE = 5000

/**
 * One connection of its own, held for the whole backup or restore: a backup's
 * reads share one snapshot only if they run on the connection that opened it,
 * and a restore's "foreign key checks off" is a setting of one connection.
 */
export class DatabaseSession {
  readonly sqlite: boolean

  private constructor(
    private knex: Knex,
    private connection: unknown
  ) {
    this.sqlite = knex.client.config.client.includes('sqlite')
  }

  static async open() {
    const knex = db.connection().getWriteClient()
    const connection = await knex.client.acquireConnection()
    return new DatabaseSession(knex, connection)
  }

  async close() {
    await this.knex.client.releaseConnection(this.connection)
  }

  quote(identifier: string) {
    return this.sqlite
      ? `"${identifier.replaceAll('"', '""')}"`
      : `\`${identifier.replaceAll('`', '``')}\``
  }

  async query<T = Record<string, unknown>>(sql: string, bindings: readonly unknown[] = []) {
    const result = await this.knex
      .raw(sql, bindings as Knex.RawBinding[])
      .connection(this.connection)
    // mysql2 answers [rows, fields]; better-sqlite3 the rows alone.
    return (this.sqlite ? result : result[0]) as T[]
  }

  /**
   * A table's rows, with integers exact: as JavaScript numbers, ids past
   * 2^53 would lose their last digits. MariaDB sends BIGINT and DECIMAL as digits.
   */
  private async selectRows(sql: string, bindings: readonly unknown[] = []) {
    if (this.sqlite) {
      // better-sqlite3 hands back integers as BigInt when asked, exact past 2^53 too.
      const sqlite = this.connection as {
        prepare(sql: string): {
          safeIntegers(on: boolean): { all(...values: unknown[]): Record<string, unknown>[] }
        }
      }
      return sqlite
        .prepare(sql)
        .safeIntegers(true)
        .all(...bindings)
    }
    const connection = this.connection as {
      query(
        options: {
          sql: string
          values: unknown[]
          supportBigNumbers: true
          bigNumberStrings: true
        },
        done: (error: Error | null, rows: Record<string, unknown>[]) => void
      ): void
    }
    return new Promise<Record<string, unknown>[]>((resolve, reject) =>
      connection.query(
        { sql, values: [...bindings], supportBigNumbers: true, bigNumberStrings: true },
        (error, rows) => (error ? reject(error) : resolve(rows))
      )
    )
  }

  async insert(table: string, rows: Record<string, unknown>[]) {
    await this.knex(table).insert(rows).connection(this.connection)
  }

  /**
   * SQLite in WAL mode gives a read transaction its own snapshot and never
   * blocks the writers; on MariaDB a consistent-snapshot transaction reads
   * InnoDB's versions without taking locks, so the app and the workers go on.
   */
  async beginSnapshot() {
    if (this.sqlite) {
      await this.query('BEGIN DEFERRED')
      // A deferred transaction takes its snapshot at the first read.
      await this.query('SELECT COUNT(*) AS total FROM sqlite_master')
    } else {
      await this.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ')
      await this.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY')
    }
  }

  async begin() {
    await this.query(this.sqlite ? 'BEGIN IMMEDIATE' : 'START TRANSACTION')
  }

  async commit() {
    await this.query('COMMIT')
  }

  async rollback() {
    await this.query('ROLLBACK').catch(() => undefined)
  }

  async foreignKeyChecks(on: boolean) {
    if (this.sqlite) await this.query(`PRAGMA foreign_keys = ${on ? 'ON' : 'OFF'}`)
    else await this.query(`SET FOREIGN_KEY_CHECKS = ${on ? 1 : 0}`)
  }

  async tableNames(): Promise<string[]> {
    const rows = this.sqlite
      ? await this.query<{ name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
      : await this.query<{ name: string }>(
          "SELECT TABLE_NAME AS name FROM information_schema.tables WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'"
        )
    return rows.map((row) => row.name).sort()
  }

  async describe(table: string): Promise<TableInfo> {
    if (this.sqlite) {
      const columns = await this.query<{ name: string; type: string; pk: number }>(
        `PRAGMA table_info(${this.quote(table)})`
      )
      return {
        name: table,
        columns: columns.map((column) => ({
          name: column.name,
          kind: sqliteKind(column.type),
          autoIncrement: false,
        })),
        primaryKey: columns.filter((column) => column.pk > 0).map((column) => column.name),
      }
    }
    const columns = await this.query<{
      name: string
      dataType: string
      columnType: string
      columnKey: string
      extra: string
    }>(
      `SELECT COLUMN_NAME AS name, DATA_TYPE AS dataType, COLUMN_TYPE AS columnType,
              COLUMN_KEY AS columnKey, EXTRA AS extra
         FROM information_schema.columns
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?
        ORDER BY ORDINAL_POSITION`,
      [table]
    )
    return {
      name: table,
      columns: columns.map((column) => ({
        name: column.name,
        kind: mysqlKind(column.dataType, column.columnType),
        autoIncrement: column.extra.toLowerCase().includes('auto_increment'),
      })),
      primaryKey: columns.filter((c) => c.columnKey === 'PRI').map((column) => column.name),
    }
  }

  async countRows(table: string) {
    const [row] = await this.query<{ total: number | string }>(
      `SELECT COUNT(*) AS total FROM ${this.quote(table)}`
    )
    return Number(row.total)
  }

  /**
   * The table's rows as portable JSON lines, one array per row in the given
   * column order, ordered by primary key, handed to `onLine` one by one, and
   * the SHA-256 over those lines: the same rows give the same lines on SQLite
   * and on MariaDB. A table with one integer key is read a page at a time, so
   * a million delivery rows never sit in memory at once; the few others
   * (text or composite keys) are sorted here, as the collations differ.
   */
  async readRows(
    table: string,
    columns: { name: string; kind: ColumnKind }[],
    primaryKey: string[],
    onLine?: (line: string) => Promise<void> | void
  ) {
    const hash = createHash('sha256')
    let rows = 0
    const emit = async (row: PortableValue[]) => {
      const line = JSON.stringify(row)
      hash.update(`${line}\n`)
      rows++
      if (onLine) await onLine(line)
    }
    const portable = (row: Record<string, unknown>) =>
      columns.map((column) => toPortable(column.kind, row[column.name]))
    const list = columns.map((column) => this.quote(column.name)).join(', ')
    const from = this.quote(table)
    const keyIndexes = primaryKey.map((name) => columns.findIndex((c) => c.name === name))

    if (keyIndexes.length === 1 && columns[keyIndexes[0]].kind === 'integer') {
      const key = this.quote(primaryKey[0])
      let last: PortableValue | undefined
      for (;;) {
        const after = last === undefined ? '' : `WHERE ${key} > ?`
        const page = await this.selectRows(
          `SELECT ${list} FROM ${from} ${after} ORDER BY ${key} LIMIT ${PAGE}`,
          last === undefined ? [] : [last]
        )
        const portableRows = page.map(portable)
        for (const row of portableRows) await emit(row)
        if (page.length < PAGE) break
        last = portableRows.at(-1)![keyIndexes[0]]
      }
      return { rows, sha256: hash.digest('hex') }
    }

    const raw = await this.selectRows(`SELECT ${list} FROM ${from}`)
    const all = raw.map(portable)
    const keyOf = (row: PortableValue[]) =>
      keyIndexes.length ? keyIndexes.map((i) => row[i]) : row
    all.sort((a, b) => compareKeys(keyOf(a), keyOf(b)))
    for (const row of all) await emit(row)
    return { rows, sha256: hash.digest('hex') }
  }

  async lastMigration(): Promise<string | null> {
    const tables = await this.tableNames()
    if (!tables.includes('adonis_schema')) return null
    const rows = await this.query<{ name: string }>(
      `SELECT name FROM adonis_schema ORDER BY id DESC LIMIT 1`
    )
    return rows[0]?.name ?? null
  }
}
