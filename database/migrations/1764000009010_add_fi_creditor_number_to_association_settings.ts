import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The association's FI creditor number (FI-kort +71). Empty until the bank
 * has given one; invoices then show the bank account as before.
 */
export default class extends BaseSchema {
  protected tableName = 'association_settings'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('fi_creditor_no', 8).nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('fi_creditor_no')
    })
  }
}
