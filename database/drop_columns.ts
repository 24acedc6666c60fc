import type { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Drops plain columns in a migration's down(), keeping every row of every
 * table. Knex drops a column on SQLite by copying the table and dropping the
 * old one; inside the migration's transaction SQLite cannot turn its foreign
 * keys off, so that drop deletes the rows that refer to the table (ON DELETE
 * CASCADE), empties their references (SET NULL) or is refused. SQLite drops
 * a column in place when no index names it: the indexes given go first.
 * MySQL and MariaDB drop columns in place anyway, their indexes with them.
 */
export function dropColumns(
  migration: BaseSchema,
  table: string,
  columns: string[],
  indexes: string[] = []
) {
  if (!migration.db.dialect.name.includes('sqlite')) {
    migration.schema.alterTable(table, (builder) => {
      for (const column of columns) builder.dropColumn(column)
    })
    return
  }
  for (const index of indexes) migration.schema.raw(`DROP INDEX IF EXISTS "${index}"`)
  for (const column of columns) {
    migration.schema.raw(`ALTER TABLE "${table}" DROP COLUMN "${column}"`)
  }
}
