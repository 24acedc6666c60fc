import { BaseSchema } from '@adonisjs/lucid/schema'

/** Newsletter lists and the consent text each asks readers to accept, kept in every version. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('newsletter_lists', (table) => {
      table.increments('id')
      table.string('name', 120).notNullable()
      table.string('slug', 60).notNullable().unique()
      table.string('description', 500).nullable()
      table.boolean('is_public').notNullable().defaultTo(true)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
    this.schema.createTable('consent_texts', (table) => {
      table.increments('id')
      table
        .integer('list_id')
        .unsigned()
        .notNullable()
        .references('newsletter_lists.id')
        .onDelete('CASCADE')
      table.integer('version').notNullable()
      table.text('body').notNullable()
      table.string('created_by', 254).notNullable()
      table.timestamp('created_at').notNullable()
      table.unique(['list_id', 'version'])
    })
  }

  async down() {
    this.schema.dropTable('consent_texts')
    this.schema.dropTable('newsletter_lists')
  }
}
