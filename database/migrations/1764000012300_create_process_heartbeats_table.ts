import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One row per running web server and worker, refreshed every half minute and
 * removed when the process stops: how a restore knows that Kreds is still
 * running against the database it is about to replace.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('process_heartbeats', (table) => {
      table.string('id', 36).primary()
      table.string('kind', 16).notNullable()
      table.string('host', 255).notNullable()
      table.integer('pid').notNullable()
      table.timestamp('started_at').notNullable()
      table.timestamp('seen_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable('process_heartbeats')
  }
}
