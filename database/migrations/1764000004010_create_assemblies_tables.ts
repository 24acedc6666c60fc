import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * General assemblies: the meeting, its agenda and motions, who came and
 * who holds whose proxy, the ballots and their votes, and the minutes.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('assemblies', (table) => {
      table.increments('id')
      table.string('kind', 15).notNullable()
      table.string('title', 200).notNullable()
      table.timestamp('starts_at').notNullable()
      table.string('place', 300).nullable()
      table.string('meeting_url', 500).nullable()
      table.date('motion_deadline').nullable()
      // Extraordinary assemblies: who asked for it, and when.
      table.text('requested_by').nullable()
      table.string('status', 15).notNullable()
      table.timestamp('notice_sent_at').nullable()
      table.boolean('notice_late').notNullable().defaultTo(false)
      table.timestamp('opened_at').nullable()
      table.timestamp('closed_at').nullable()
      table.string('dirigent_name', 200).nullable()
      table.string('dirigent_email', 254).nullable()
      table.string('referent_name', 200).nullable()
      table.string('referent_email', 254).nullable()
      table.string('created_by', 254).notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['starts_at'])
    })

    this.schema.createTable('agenda_items', (table) => {
      table.increments('id')
      table
        .integer('assembly_id')
        .unsigned()
        .notNullable()
        .references('assemblies.id')
        .onDelete('CASCADE')
      table.integer('position').notNullable()
      table.string('title', 300).notNullable()
      table.text('description').nullable()
      // What the referent writes under the item; goes into the minutes.
      table.text('notes').nullable()
      table.index(['assembly_id', 'position'])
    })

    this.schema.createTable('motions', (table) => {
      table.increments('id')
      table
        .integer('assembly_id')
        .unsigned()
        .notNullable()
        .references('assemblies.id')
        .onDelete('CASCADE')
      table
        .integer('agenda_item_id')
        .unsigned()
        .nullable()
        .references('agenda_items.id')
        .onDelete('SET NULL')
      // Null when the board puts it forward.
      table
        .integer('organisation_id')
        .unsigned()
        .nullable()
        .references('organisations.id')
        .onDelete('SET NULL')
      table.string('submitted_by', 254).notNullable()
      table.string('title', 300).notNullable()
      table.text('body').notNullable()
      table.boolean('changes_statutes').notNullable().defaultTo(false)
      table.string('status', 15).notNullable().defaultTo('submitted')
      table.timestamp('submitted_at').notNullable()
    })

    // One personal link per organisation and assembly; only the hash is kept.
    this.schema.createTable('assembly_links', (table) => {
      table.increments('id')
      table
        .integer('assembly_id')
        .unsigned()
        .notNullable()
        .references('assemblies.id')
        .onDelete('CASCADE')
      table
        .integer('organisation_id')
        .unsigned()
        .notNullable()
        .references('organisations.id')
        .onDelete('CASCADE')
      table.string('token_hash', 64).notNullable().unique()
      table.timestamp('created_at').notNullable()
      table.unique(['assembly_id', 'organisation_id'])
    })

    this.schema.createTable('attendances', (table) => {
      table.increments('id')
      table
        .integer('assembly_id')
        .unsigned()
        .notNullable()
        .references('assemblies.id')
        .onDelete('CASCADE')
      table
        .integer('organisation_id')
        .unsigned()
        .notNullable()
        .references('organisations.id')
        .onDelete('CASCADE')
      table.boolean('present').notNullable().defaultTo(false)
      table.string('representative', 200).nullable()
      table.string('checked_in_by', 10).nullable()
      table.timestamp('checked_in_at').nullable()
      table
        .integer('proxy_to_organisation_id')
        .unsigned()
        .nullable()
        .references('organisations.id')
        .onDelete('SET NULL')
      table.unique(['assembly_id', 'organisation_id'])
    })

    this.schema.createTable('ballots', (table) => {
      table.increments('id')
      table
        .integer('assembly_id')
        .unsigned()
        .notNullable()
        .references('assemblies.id')
        .onDelete('CASCADE')
      table
        .integer('agenda_item_id')
        .unsigned()
        .notNullable()
        .references('agenda_items.id')
        .onDelete('CASCADE')
      table.integer('motion_id').unsigned().nullable().references('motions.id').onDelete('SET NULL')
      table.string('question', 500).notNullable()
      table.string('kind', 10).notNullable()
      table.boolean('secret').notNullable().defaultTo(false)
      table.string('majority', 12).notNullable().defaultTo('simple')
      // Share of the entitled members that must be represented, in whole per cent.
      table.integer('quorum_percent').nullable()
      table.integer('seats').nullable()
      table.string('method', 15).notNullable().defaultTo('electronic')
      table.string('status', 10).notNullable().defaultTo('draft')
      table.timestamp('opened_at').nullable()
      table.timestamp('closed_at').nullable()
      table.text('result').nullable()
      table.timestamp('created_at').notNullable()
    })

    this.schema.createTable('ballot_options', (table) => {
      table.increments('id')
      table
        .integer('ballot_id')
        .unsigned()
        .notNullable()
        .references('ballots.id')
        .onDelete('CASCADE')
      table.integer('position').notNullable()
      table.string('label', 300).notNullable()
    })

    // Who has voted, and for whom (their own vote or a proxy's): never what.
    this.schema.createTable('ballot_voters', (table) => {
      table.increments('id')
      table
        .integer('ballot_id')
        .unsigned()
        .notNullable()
        .references('ballots.id')
        .onDelete('CASCADE')
      table
        .integer('organisation_id')
        .unsigned()
        .notNullable()
        .references('organisations.id')
        .onDelete('CASCADE')
      table
        .integer('cast_by_organisation_id')
        .unsigned()
        .notNullable()
        .references('organisations.id')
        .onDelete('CASCADE')
      // The unique key is what refuses a second vote, however many arrive at once.
      table.unique(['ballot_id', 'organisation_id'])
    })
  }

  async down() {
    this.schema.dropTable('ballot_voters')
    this.schema.dropTable('ballot_options')
    this.schema.dropTable('ballots')
    this.schema.dropTable('attendances')
    this.schema.dropTable('assembly_links')
    this.schema.dropTable('motions')
    this.schema.dropTable('agenda_items')
    this.schema.dropTable('assemblies')
  }
}
