import { BaseSchema } from '@adonisjs/lucid/schema'

/** Kontingentgrupper: what a member pays, with one fee per tier per year. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('tiers', (table) => {
      table.increments('id')
      table.string('name', 120).notNullable().unique()
      table.string('description', 500).nullable()
      table.integer('sort_order').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
    this.schema.createTable('tier_fees', (table) => {
      table.increments('id')
      table.integer('tier_id').unsigned().notNullable().references('tiers.id').onDelete('CASCADE')
      table.integer('year').notNullable()
      // Whole øre: money is never a float.
      table.integer('amount_ore').notNullable()
      table.unique(['tier_id', 'year'])
    })
  }

  async down() {
    this.schema.dropTable('tier_fees')
    this.schema.dropTable('tiers')
  }
}
