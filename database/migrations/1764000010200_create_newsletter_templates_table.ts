import { BaseSchema } from '@adonisjs/lucid/schema'

/** Issues the secretariat starts from: a layout and texts to replace, stored as MJML like an issue. */
export default class extends BaseSchema {
  protected tableName = 'newsletter_templates'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('name', 120).notNullable()
      table.string('description', 300).nullable()
      table.text('body_mjml', 'longtext').notNullable()
      table.string('created_by', 254).notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
