import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Whether the daily scheduler starts the reminder run by itself. Off until
 * the treasurer turns it on: reminders carry a fee, so nobody gets one
 * because of an upgrade.
 */
export default class extends BaseSchema {
  protected tableName = 'association_settings'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.boolean('automatic_reminders').notNullable().defaultTo(false)
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('automatic_reminders')
    })
  }
}
