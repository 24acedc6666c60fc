import { BaseSchema } from '@adonisjs/lucid/schema'

/** Newsletter issues (udgaver) and the lists each goes to. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('newsletter_issues', (table) => {
      table.increments('id')
      table.string('subject', 200).notNullable()
      table.string('preheader', 200).nullable()
      // The content sections; the house template wraps them.
      table.text('body_mjml', 'longtext').notNullable()
      table.string('status', 20).notNullable()
      table.string('created_by', 254).notNullable()
      table.timestamp('sent_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['status'])
    })
    this.schema.createTable('newsletter_issue_lists', (table) => {
      table
        .integer('issue_id')
        .unsigned()
        .notNullable()
        .references('newsletter_issues.id')
        .onDelete('CASCADE')
      table
        .integer('list_id')
        .unsigned()
        .notNullable()
        .references('newsletter_lists.id')
        .onDelete('CASCADE')
      table.primary(['issue_id', 'list_id'])
    })
  }

  async down() {
    this.schema.dropTable('newsletter_issue_lists')
    this.schema.dropTable('newsletter_issues')
  }
}
