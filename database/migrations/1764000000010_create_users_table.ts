import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('full_name', 120).notNullable()
      table.string('email', 254).notNullable().unique()
      // Null until an invited person chooses a password.
      table.string('password', 255).nullable()
      table.string('role', 20).notNullable()
      table.string('locale', 5).notNullable().defaultTo('da')
      table.boolean('is_active').notNullable().defaultTo(true)
      table.timestamp('last_login_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
