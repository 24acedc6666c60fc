import db from '@adonisjs/lucid/services/db'
import { headerKey } from '#shared/csv/danish_values'
import { REGISTER_COLUMNS } from '#members/register_file/register_columns'
import { sqlTimestamp } from '#shared/sql_time'

const KIND = 'members'

/** The column choices saved for headers Kreds does not know, by normalised header. */
export async function savedColumnMapping(): Promise<Record<string, string>> {
  const rows = await db
    .from('import_column_mappings')
    .where('kind', KIND)
    .select('header_key', 'column')
  return Object.fromEntries(rows.map((row) => [row.header_key as string, row.column as string]))
}

/**
 * Remembers what the user said each unknown header is (a register column,
 * or 'ignore'), so the next file with the same headers imports without asking.
 */
export async function saveColumnMapping(choices: Record<string, string>) {
  const now = sqlTimestamp()
  await db.transaction(async (trx) => {
    for (const [header, column] of Object.entries(choices)) {
      if (column !== 'ignore' && !(column in REGISTER_COLUMNS)) continue
      const key = headerKey(header).slice(0, 200)
      if (!key) continue
      const updated = await trx
        .from('import_column_mappings')
        .where({ kind: KIND, header_key: key })
        .update({ column, updated_at: now })
      if (!Number(updated)) {
        await trx
          .table('import_column_mappings')
          .insert({ kind: KIND, header_key: key, column, updated_at: now })
      }
    }
  })
}
