import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** Bound values per statement: SQLite refuses more than 32,766. */
const MAX_VALUES = 10_000
/**
 * Characters of text per statement: MySQL sends values inside the statement,
 * and a statement over max_allowed_packet (16 MB on MariaDB by default, 4
 * bytes a character at worst) is refused. Notes of 10,000 characters are allowed.
 */
const MAX_CHARACTERS = 1_000_000

/**
 * Inserts rows that all have the same columns, as few `insert … values (…),
 * (…)` statements as the limits allow. Lucid's multiInsert builds SQLite's
 * multi-row insert as a union of selects with an alias per value, which
 * costs more to build and to run than the rows themselves.
 */
export async function insertRows(
  trx: TransactionClientContract,
  table: string,
  rows: Record<string, unknown>[]
) {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0])
  const values = `(${columns.map(() => '?').join(', ')})`
  const head = `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) values `
  const perStatement = Math.max(1, Math.floor(MAX_VALUES / columns.length))
  let start = 0
  while (start < rows.length) {
    const bindings: unknown[] = []
    let characters = 0
    let end = start
    while (end < rows.length && end - start < perStatement && characters < MAX_CHARACTERS) {
      const row = rows[end++]
      for (const column of columns) {
        const value = row[column]
        if (typeof value === 'string') characters += value.length
        bindings.push(value)
      }
    }
    await trx.rawQuery(
      head + Array.from({ length: end - start }, () => values).join(', '),
      bindings as never
    )
    start = end
  }
}

/** Table and column names are Kreds' own; backquotes quote them on SQLite and MySQL alike. */
function quoted(name: string) {
  return `\`${name}\``
}
