import { BaseSchema } from '@adonisjs/lucid/schema'

/** Single-use portal login links for member contacts; only a hash is kept. */
export default class extends BaseSchema {
  protected tableName = 'member_login_tokens'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('contact_id')
        .unsigned()
        .notNullable()
        .references('contacts.id')
        .onDelete('CASCADE')
      table.string('token_hash', 64).notNullable().unique()
      table.timestamp('expires_at').notNullable()
      table.timestamp('used_at').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['contact_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
