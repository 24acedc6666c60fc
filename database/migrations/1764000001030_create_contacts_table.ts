import { BaseSchema } from '@adonisjs/lucid/schema'

/** People at member organisations. Member data, kept apart from newsletter consent. */
export default class extends BaseSchema {
  protected tableName = 'contacts'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('organisation_id')
        .unsigned()
        .notNullable()
        .references('organisations.id')
        .onDelete('CASCADE')
      table.string('name', 120).notNullable()
      table.string('title', 120).nullable()
      table.string('email', 254).nullable()
      table.string('phone', 30).nullable()
      table.boolean('is_primary').notNullable().defaultTo(false)
      table.boolean('is_billing').notNullable().defaultTo(false)
      table.boolean('is_delegate').notNullable().defaultTo(false)
      table.boolean('is_newsletter').notNullable().defaultTo(false)
      // Set when the person's data was erased on request; the row keeps history intact.
      table.timestamp('erased_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['organisation_id'])
      table.index(['email'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
