import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A confirmed dues run (the year's invoices, the reminders) and the items it
 * was confirmed with. The unique token is the form's one-time key: a second
 * click, a double submit or a resubmit after Back finds the run already made
 * instead of making another. The items are the plan as the treasurer saw it,
 * so the run does exactly that and the result page lists what became of each.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('dues_runs', (table) => {
      table.increments('id')
      table.string('kind', 20).notNullable()
      table.string('token', 64).notNullable().unique()
      table.string('fingerprint', 64).notNullable()
      table.integer('year').nullable()
      table.boolean('without_reference').notNullable().defaultTo(false)
      table.string('state', 20).notNullable()
      table.integer('total').notNullable()
      table.integer('done').notNullable().defaultTo(0)
      table.bigInteger('total_ore').notNullable()
      // Who confirmed it; no foreign key, so a run outlives the account.
      table.integer('user_id').unsigned().nullable()
      table.string('actor_label', 255).notNullable()
      table.string('actor_ip', 64).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.timestamp('finished_at').nullable()
    })
    this.schema.createTable('dues_run_items', (table) => {
      table.increments('id')
      table
        .integer('run_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('dues_runs')
        .onDelete('CASCADE')
      table.integer('position').notNullable()
      table.integer('organisation_id').unsigned().notNullable()
      table.string('organisation_name', 255).notNullable()
      table.integer('invoice_id').unsigned().nullable()
      table.string('invoice_number', 40).nullable()
      table.integer('level').nullable()
      table.bigInteger('amount_ore').notNullable()
      table.string('recipient', 255).nullable()
      // planned, then issued | sent | an action's refusal (already_invoiced, …)
      table.string('outcome', 30).notNullable()
      table.unique(['run_id', 'position'])
    })
  }

  async down() {
    this.schema.dropTable('dues_run_items')
    this.schema.dropTable('dues_runs')
  }
}
