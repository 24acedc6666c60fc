import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Every save of a draft, so an earlier version can be restored. A version is
 * the issue as it stood after that save; the newest is the current draft.
 */
export default class extends BaseSchema {
  protected tableName = 'newsletter_issue_versions'

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
      table.string('subject', 200).notNullable()
      table.string('preheader', 200).nullable()
      table.text('body_mjml', 'longtext').notNullable()
      // The actor's label as the audit log keeps it, and the user for a name on the page.
      table.string('saved_by', 254).notNullable()
      table.integer('saved_by_user_id').unsigned().nullable()
      // Autosaves of one person within a minute of first_saved_at fold into one version;
      // saved_at is when its content was last saved, the time the page shows.
      table.boolean('autosave').notNullable().defaultTo(false)
      table.timestamp('first_saved_at').notNullable()
      table.timestamp('saved_at').notNullable()
      table.index(['issue_id', 'saved_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
