import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What the statutes say of a member whose dues for the assembly's year are
 * not invoiced yet, or invoiced but not yet due. Both default to a vote: a
 * member is not in arrears before it has been asked to pay, nor before the
 * day it must have paid by.
 */
export default class extends BaseSchema {
  protected tableName = 'association_settings'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.boolean('votes_when_not_invoiced').notNullable().defaultTo(true)
      table.boolean('votes_when_dues_not_due').notNullable().defaultTo(true)
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('votes_when_not_invoiced')
      table.dropColumn('votes_when_dues_not_due')
    })
  }
}
