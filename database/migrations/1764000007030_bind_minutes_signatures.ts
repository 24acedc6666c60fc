import { BaseSchema } from '@adonisjs/lucid/schema'
import { dropColumns } from '#database/drop_columns'

/**
 * A signature is bound to exactly what was signed: each version of the
 * minutes keeps the SHA-256 of its signed document, and each signature
 * the hash its signer saw, who they were (login or personal link, and the
 * address) and the role they held. Signatures given before this change
 * have no hash; the verify command says so rather than guessing one.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('minutes', (table) => {
      table.string('content_hash', 64).nullable()
    })
    this.schema.alterTable('minutes_signatures', (table) => {
      table.string('content_hash', 64).nullable()
      table.string('signer_email', 254).nullable()
      table.string('method', 10).nullable()
      table.integer('user_id').unsigned().nullable().references('users.id').onDelete('SET NULL')
    })
    // The address a personal link was sent to: it signs only while that address holds the role.
    this.schema.alterTable('minutes_sign_links', (table) => {
      table.string('email', 254).nullable()
    })
  }

  async down() {
    dropColumns(this, 'minutes_sign_links', ['email'])
    // A column with a foreign key is dropped by copying the table on SQLite: no table refers to this one.
    this.schema.alterTable('minutes_signatures', (table) => {
      table.dropForeign(['user_id'])
      table.dropColumn('user_id')
      table.dropColumn('method')
      table.dropColumn('signer_email')
      table.dropColumn('content_hash')
    })
    dropColumns(this, 'minutes', ['content_hash'])
  }
}
