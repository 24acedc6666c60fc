import { BaseSchema } from '@adonisjs/lucid/schema'
import { dropColumns } from '#database/drop_columns'

/**
 * An erased reader keeps only a hash of the address, so that no import can
 * put them back on a list; the address itself is gone.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('subscribers', (table) => {
      table.string('email_hash', 64).nullable().index()
    })
  }

  async down() {
    dropColumns(this, 'subscribers', ['email_hash'], ['subscribers_email_hash_index'])
  }
}
