import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'organisations'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('name', 200).notNullable()
      // The name folded for case- and accent-insensitive search.
      table.string('name_key', 200).notNullable()
      // The same, but only while the organisation is an applicant or a member:
      // a unique key that lets former members' names be taken again.
      table.string('current_name_key', 200).nullable().unique()
      table.string('type', 20).notNullable()
      table.string('legal_form', 80).nullable()
      table.string('cvr', 8).nullable()
      table.string('ean', 13).nullable()
      table.string('address', 200).nullable()
      // Text, so that 0800 keeps its zero.
      table.string('postcode', 4).nullable()
      table.string('city', 80).nullable()
      table.string('website', 200).nullable()
      table.integer('tier_id').unsigned().nullable().references('tiers.id').onDelete('SET NULL')
      table.string('status', 20).notNullable()
      table.date('joined_on').nullable()
      table.date('left_on').nullable()
      table.text('notes').nullable()
      table.timestamp('changed_by_member_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()

      table.index(['status', 'name_key'])
      table.index(['name_key'])
      table.index(['type'])
      table.index(['tier_id'])
      table.index(['cvr'])
      table.index(['city'])
    })

    this.schema.createTable('organisation_status_changes', (table) => {
      table.increments('id')
      table
        .integer('organisation_id')
        .unsigned()
        .notNullable()
        .references('organisations.id')
        .onDelete('CASCADE')
      table.string('from_status', 20).nullable()
      table.string('to_status', 20).notNullable()
      table.date('changed_on').notNullable()
      table.string('reason', 500).notNullable()
      table.string('actor_label', 254).notNullable()
      table.timestamp('created_at').notNullable()
      table.index(['organisation_id', 'changed_on'])
    })
  }

  async down() {
    this.schema.dropTable('organisation_status_changes')
    this.schema.dropTable(this.tableName)
  }
}
