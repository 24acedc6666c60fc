import { BaseSchema } from '@adonisjs/lucid/schema'

/** Where consent given elsewhere was shown to us: the imported file, its row and columns. */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('subscriptions', (table) => {
      table.string('evidence', 500).nullable()
    })
  }

  async down() {
    this.schema.alterTable('subscriptions', (table) => {
      table.dropColumn('evidence')
    })
  }
}
