import { BaseSchema } from '@adonisjs/lucid/schema'

/** A member's request to be called something else; the board decides. */
export default class extends BaseSchema {
  protected tableName = 'name_change_requests'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('organisation_id')
        .unsigned()
        .notNullable()
        .references('organisations.id')
        .onDelete('CASCADE')
      table.string('requested_name', 200).notNullable()
      table.string('requested_by', 254).notNullable()
      table.string('status', 20).notNullable()
      table.string('decided_by', 254).nullable()
      table.timestamp('decided_at').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['organisation_id', 'status'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
