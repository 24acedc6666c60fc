import { BaseSchema } from '@adonisjs/lucid/schema'
import { dropColumns } from '#database/drop_columns'
import { refoldSearchText, SEARCH_TEXT_LENGTH } from '#shared/search_text'

/** Each searchable table, and the fields its search box looks in (see #shared/search_text). */
const SEARCHABLE = {
  organisations: ['name', 'city'],
  contacts: ['name', 'email'],
  subscribers: ['email', 'name'],
  newsletter_media: ['original_name', 'alt_text'],
} as const

/**
 * A folded copy of each searchable table's searched fields, so search
 * ignores case, accents and æøå the same way on SQLite and MariaDB. The
 * index lets a search scan the narrow index rather than the wide rows (a
 * LIKE with a leading % cannot seek in it). Existing rows are folded here
 * by the app's own folding: a change to the rules needs a migration that
 * folds again.
 */
export default class extends BaseSchema {
  async up() {
    for (const table of Object.keys(SEARCHABLE)) {
      this.schema.alterTable(table, (columns) => {
        columns.string('search_text', SEARCH_TEXT_LENGTH).notNullable().defaultTo('')
        columns.index(['search_text'], `${table}_search_text_index`)
      })
    }
    this.defer((client) => refoldSearchText(client, SEARCHABLE))
  }

  async down() {
    for (const table of Object.keys(SEARCHABLE)) {
      dropColumns(this, table, ['search_text'], [`${table}_search_text_index`])
    }
  }
}
