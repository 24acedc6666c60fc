import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A test address's copy of an issue: what its share link stands for. Apart
 * from the deliveries on purpose: a delivery row is unique per issue and
 * reader and would stop the real send reaching that address, and views of
 * a test copy must never count in the share statistics.
 */
export default class extends BaseSchema {
  protected tableName = 'newsletter_test_copies'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('issue_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('newsletter_issues')
        .onDelete('CASCADE')
      table
        .integer('subscriber_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('subscribers')
        .onDelete('CASCADE')
      table.timestamp('created_at').notNullable()
      // A second test to the same address keeps the link the first one gave.
      table.unique(['issue_id', 'subscriber_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
