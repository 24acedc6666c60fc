import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'

/** Lucid's own bookkeeping, which no request touches. */
const IGNORED = new Set(['adonis_schema', 'adonis_schema_versions'])

/**
 * A digest of every row of every table: two fingerprints that differ name
 * the tables a request changed, whatever it inserted, updated or deleted,
 * so "nothing changed" does not depend on the test knowing where to look.
 */
export async function databaseFingerprint() {
  const tables = (await tableNames()).filter((table) => !IGNORED.has(table))
  const digests: Record<string, string> = {}
  for (const table of tables.sort()) {
    const rows = await db.from(table).select('*')
    digests[table] = createHash('sha256')
      .update(
        JSON.stringify(rows, (_, value) => (typeof value === 'bigint' ? String(value) : value))
      )
      .digest('hex')
  }
  return digests
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Record<string, string>, after: Record<string, string>) {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...tables].filter((table) => before[table] !== after[table]).sort()
}

/**
 * Through the query builder, not the dialect's getAllTables(): inside a
 * test's global transaction that would wait for a second SQLite connection.
 */
async function tableNames(): Promise<string[]> {
  const rows: { name: string }[] =
    db.connection().dialect.name === 'mysql'
      ? await db
          .from('information_schema.tables')
          .whereRaw('table_schema = database()')
          .select('table_name as name')
      : await db
          .from('sqlite_master')
          .where('type', 'table')
          .whereNot('name', 'like', 'sqlite_%')
          .select('name')
  return rows.map((row) => row.name)
}
