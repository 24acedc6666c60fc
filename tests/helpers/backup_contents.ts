import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import app from '@adonisjs/core/services/app'
import Database from 'better-sqlite3'

/**
 * What a backup must carry, read straight from each database without the
 * backup's own code: per table the row count and a SHA-256 over its rows,
 * each row with its columns by name and the rows in code-unit order, so that
 * neither the column order nor the database's collation can hide a change.
 */
export type TableDigest = { rows: number; sha256: string }

const LEFT_OUT = new Set([
  'adonis_schema',
  'adonis_schema_versions',
  'sessions',
  'rate_limits',
  'newsletter_issue_presence',
  'process_heartbeats',
])

function digest(rows: Record<string, unknown>[]): TableDigest {
  const lines = rows
    .map((row) =>
      JSON.stringify(
        Object.keys(row)
          .sort()
          .map((column) => {
            const value = row[column]
            return [column, Buffer.isBuffer(value) ? `base64:${value.toString('base64')}` : value]
          })
      )
    )
    .sort()
  const hash = createHash('sha256')
  for (const line of lines) hash.update(`${line}\n`)
  return { rows: lines.length, sha256: hash.digest('hex') }
}

export function sqliteDigests(path: string) {
  const sqlite = new Database(app.makePath(path), { readonly: true })
  try {
    const names = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[]
    const digests: Record<string, TableDigest> = {}
    for (const { name } of names.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (LEFT_OUT.has(name)) continue
      digests[name] = digest(sqlite.prepare(`SELECT * FROM "${name}"`).all() as never)
    }
    return digests
  } finally {
    sqlite.close()
  }
}

async function mysqlConnection(database?: string) {
  const { createConnection } = await import('mysql2/promise')
  return createConnection({
    host: process.env.MYSQL_HOST ?? '127.0.0.1',
    port: Number(process.env.MYSQL_PORT ?? 3306),
    user: process.env.MYSQL_USER ?? 'root',
    password: process.env.MYSQL_PASSWORD ?? '',
    database,
    // The text SQLite keeps ("2026-12-04 19:37:41", "2021-01-15"), in UTC.
    dateStrings: true,
    timezone: 'Z',
  })
}

export async function mysqlDigests(database: string) {
  const connection = await mysqlConnection(database)
  try {
    await connection.query("SET time_zone = '+00:00'")
    const [names] = (await connection.query(
      "SELECT TABLE_NAME AS name FROM information_schema.tables WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME"
    )) as unknown as [{ name: string }[]]
    const digests: Record<string, TableDigest> = {}
    for (const { name } of names.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (LEFT_OUT.has(name)) continue
      const [rows] = (await connection.query(`SELECT * FROM \`${name}\``)) as unknown as [
        Record<string, unknown>[],
      ]
      digests[name] = digest(rows)
    }
    return digests
  } finally {
    await connection.end()
  }
}

export async function mysqlQuery<T>(database: string, sql: string) {
  const connection = await mysqlConnection(database)
  try {
    const [rows] = (await connection.query(sql)) as unknown as [T[]]
    return rows
  } finally {
    await connection.end()
  }
}

export async function recreateMysqlDatabase(name: string) {
  const connection = await mysqlConnection()
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``)
  await connection.query(
    `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_danish_ci`
  )
  await connection.end()
}

export async function dropMysqlDatabase(name: string) {
  const connection = await mysqlConnection()
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``)
  await connection.end()
}

/** Every file under a root's stored folders, by path, with its SHA-256. */
export async function fileDigests(root: string) {
  const found: Record<string, string> = {}
  const walk = async (folder: string) => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) await walk(path)
      else {
        const name = relative(root, path).split(sep).join('/')
        found[name] = createHash('sha256')
          .update(await readFile(path))
          .digest('hex')
      }
    }
  }
  for (const folder of ['storage', 'tmp/uploads/association']) await walk(join(root, folder))
  return found
}
