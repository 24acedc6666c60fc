import { BaseSchema } from '@adonisjs/lucid/schema'
import { SEARCH_TEXT_LENGTH } from '#shared/search_text'

/**
 * On MySQL and MariaDB the folded search columns compare byte for byte.
 * Their text and the searched terms are folded already (lower case, no
 * accents), so the database's own collation must add nothing: Danish ones
 * make y equal ü and sort aa as å, and the result would differ from
 * SQLite's and with the server's settings. Byte comparison is also the
 * cheapest. SQLite compares these plain texts the same way already.
 */
export default class extends BaseSchema {
  async up() {
    if (this.db.dialect.name.includes('sqlite')) return
    for (const table of [
      'organisations',
      'contacts',
      'subscribers',
      'newsletter_media',
      'assemblies',
    ]) {
      this.schema.raw(
        `ALTER TABLE \`${table}\` MODIFY \`search_text\` VARCHAR(${SEARCH_TEXT_LENGTH}) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT ''`
      )
    }
    for (const table of ['motions', 'minutes']) {
      this.schema.raw(
        `ALTER TABLE \`${table}\` MODIFY \`search_text\` MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL`
      )
    }
  }

  /** Nothing to undo on its own: the columns go with the migrations that added them. */
  async down() {
    await Promise.resolve()
  }
}
