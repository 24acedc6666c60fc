import { BaseSchema } from '@adonisjs/lucid/schema'
import { dropColumns } from '#database/drop_columns'
import {
  longSearchText,
  refoldSearchText,
  SEARCH_TEXT_LENGTH,
  searchText,
  textsIn,
} from '#shared/search_text'

/** The assemblies' search looks in their titles, their motions and their minutes. */
const SEARCHABLE = {
  assemblies: ['title'],
  motions: ['title', 'body'],
  minutes: ['content'],
} as const

/**
 * Folded copies for the assemblies' search, as for the other searches (see
 * #shared/search_text). Motions and minutes are long texts: their copies
 * are TEXT (MEDIUMTEXT on MariaDB, whose TEXT holds 64 kB), not indexed.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('assemblies', (table) => {
      table.string('search_text', SEARCH_TEXT_LENGTH).notNullable().defaultTo('')
    })
    for (const name of ['motions', 'minutes']) {
      this.schema.alterTable(name, (table) => {
        table.text('search_text', 'mediumtext').nullable()
      })
    }
    this.defer((client) =>
      refoldSearchText(client, SEARCHABLE, (table, row) => {
        if (table === 'assemblies') return searchText(row.title as string)
        if (table === 'motions') return longSearchText(row.title as string, row.body as string)
        const content = typeof row.content === 'string' ? JSON.parse(row.content) : row.content
        return longSearchText(...textsIn(content))
      })
    )
  }

  async down() {
    for (const name of ['assemblies', 'motions', 'minutes']) {
      dropColumns(this, name, ['search_text'])
    }
  }
}
