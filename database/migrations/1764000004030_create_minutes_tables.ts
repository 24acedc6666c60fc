import { BaseSchema } from '@adonisjs/lucid/schema'

/** Minutes (referat) in versions; a signed version is locked, a correction is a new version. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('minutes', (table) => {
      table.increments('id')
      table
        .integer('assembly_id')
        .unsigned()
        .notNullable()
        .references('assemblies.id')
        .onDelete('CASCADE')
      table.integer('version').notNullable()
      // The minutes as prepared: attendance, statement, items, motions, results.
      table.text('content', 'longtext').notNullable()
      table.string('status', 10).notNullable().defaultTo('draft')
      table.string('created_by', 254).notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('locked_at').nullable()
      table.unique(['assembly_id', 'version'])
    })
    this.schema.createTable('minutes_signatures', (table) => {
      table.increments('id')
      table
        .integer('minutes_id')
        .unsigned()
        .notNullable()
        .references('minutes.id')
        .onDelete('CASCADE')
      table.string('role', 10).notNullable()
      table.string('name', 200).notNullable()
      table.string('signed_by', 254).notNullable()
      table.timestamp('signed_at').notNullable()
      table.unique(['minutes_id', 'role'])
    })
    // A dirigent or referent without a login signs from a personal link.
    this.schema.createTable('minutes_sign_links', (table) => {
      table.increments('id')
      table
        .integer('minutes_id')
        .unsigned()
        .notNullable()
        .references('minutes.id')
        .onDelete('CASCADE')
      table.string('role', 10).notNullable()
      table.string('token_hash', 64).notNullable().unique()
      table.timestamp('created_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable('minutes_sign_links')
    this.schema.dropTable('minutes_signatures')
    this.schema.dropTable('minutes')
  }
}
