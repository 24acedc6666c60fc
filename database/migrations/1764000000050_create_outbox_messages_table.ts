import { BaseSchema } from '@adonisjs/lucid/schema'

/** Mail kept instead of sent, for development and demos (MAIL_MAILER=outbox). */
export default class extends BaseSchema {
  protected tableName = 'outbox_messages'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('message_id', 255).notNullable()
      table.string('from_address', 320).notNullable()
      table.text('to_addresses').notNullable()
      table.string('subject', 500).notNullable()
      table.text('html', 'longtext').nullable()
      table.text('text', 'longtext').nullable()
      table.text('headers').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['created_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
