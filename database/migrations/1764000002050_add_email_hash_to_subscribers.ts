import { BaseSchema } from '@adonisjs/lucid/schema'

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
    this.schema.alterTable('subscribers', (table) => {
      table.dropColumn('email_hash')
    })
  }
}
