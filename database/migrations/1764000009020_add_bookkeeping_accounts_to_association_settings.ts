import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The accounts the bookkeeping export posts to. The defaults follow the
 * small-association charts e-conomic and most bookkeepers start from; an
 * association with its own chart changes them on the dues settings page.
 */
export default class extends BaseSchema {
  protected tableName = 'association_settings'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('dues_income_account', 10).notNullable().defaultTo('1010')
      table.string('fee_income_account', 10).notNullable().defaultTo('1020')
      table.string('debtors_account', 10).notNullable().defaultTo('5600')
      table.string('bank_account', 10).notNullable().defaultTo('5820')
      table.string('vat_account', 10).notNullable().defaultTo('6910')
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('dues_income_account')
      table.dropColumn('fee_income_account')
      table.dropColumn('debtors_account')
      table.dropColumn('bank_account')
      table.dropColumn('vat_account')
    })
  }
}
