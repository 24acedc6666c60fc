import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Who has an issue open in the composer, renewed by a heartbeat. A table
 * rather than process memory: several web processes must see the same rows.
 */
export default class extends BaseSchema {
  protected tableName = 'newsletter_issue_presence'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table
        .integer('issue_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('newsletter_issues')
        .onDelete('CASCADE')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.timestamp('opened_at').notNullable()
      table.timestamp('seen_at').notNullable()
      table.primary(['issue_id', 'user_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
