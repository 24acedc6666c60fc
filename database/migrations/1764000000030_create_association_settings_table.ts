import { BaseSchema } from '@adonisjs/lucid/schema'

/** One row: the association's profile and the statutes settings the other modules read. */
export default class extends BaseSchema {
  protected tableName = 'association_settings'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('name', 160).notNullable()
      table.string('cvr', 8).nullable()
      table.string('address', 200).nullable()
      table.string('postcode', 4).nullable()
      table.string('city', 80).nullable()
      table.string('email', 254).nullable()
      table.string('phone', 30).nullable()
      table.string('bank_reg_no', 4).nullable()
      table.string('bank_account_no', 10).nullable()
      table.string('logo_path', 255).nullable()
      table.date('founded_on').nullable()

      table.integer('notice_days').notNullable().defaultTo(14)
      table.integer('motion_deadline_days').notNullable().defaultTo(7)
      table.integer('proxies_per_organisation').notNullable().defaultTo(1)
      table.boolean('unpaid_dues_remove_voting_right').notNullable().defaultTo(true)
      table.integer('dues_grace_months').notNullable().defaultTo(0)
      table.integer('extraordinary_request_percent').notNullable().defaultTo(10)
      table.boolean('vat_exempt').notNullable().defaultTo(true)
      table.string('vat_exemption_text', 300).nullable()

      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
