import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The voting register of a closed assembly, written when it closes: each
 * organisation's name as it was, who came and by whom, the proxies, the
 * voting right with its reason, the votes held, and the totals. Later
 * changes to the member register, the dues or the attendances leave it as
 * it was. Organisation ids are kept without a foreign key: the record
 * stands even if an organisation is one day removed.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('assembly_register_snapshots', (table) => {
      table.increments('id')
      table
        .integer('assembly_id')
        .unsigned()
        .notNullable()
        .unique()
        .references('assemblies.id')
        .onDelete('CASCADE')
      table.integer('members').notNullable()
      table.integer('entitled').notNullable()
      table.integer('present').notNullable()
      table.integer('represented').notNullable()
      table.integer('votes').notNullable()
      table.timestamp('frozen_at').notNullable()
    })

    this.schema.createTable('assembly_register_snapshot_lines', (table) => {
      table.increments('id')
      table
        .integer('snapshot_id')
        .unsigned()
        .notNullable()
        .references('assembly_register_snapshots.id')
        .onDelete('CASCADE')
      table.integer('position').notNullable()
      table.integer('organisation_id').unsigned().notNullable()
      table.string('organisation_name', 200).notNullable()
      // False for an organisation on the list only because it checked in or gave a proxy.
      table.boolean('member').notNullable()
      table.boolean('present').notNullable()
      table.string('representative', 200).nullable()
      table.integer('proxy_to_organisation_id').unsigned().nullable()
      table.string('proxy_to_name', 200).nullable()
      // [{ id, name }] of the members whose proxies this one held.
      table.text('proxies_from').notNullable()
      table.boolean('may_vote').notNullable()
      table.string('reason', 20).nullable()
      table.integer('votes').notNullable()
      // Named: the generated name passes MySQL's 64 characters.
      table.unique(['snapshot_id', 'organisation_id'], {
        indexName: 'register_snapshot_lines_organisation_unique',
      })
    })
  }

  async down() {
    this.schema.dropTable('assembly_register_snapshot_lines')
    this.schema.dropTable('assembly_register_snapshots')
  }
}
