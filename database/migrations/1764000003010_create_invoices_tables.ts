import { BaseSchema } from '@adonisjs/lucid/schema'
import { dropColumns } from '#database/drop_columns'

/**
 * Dues: numbered invoices and credit notes (never deleted, never edited),
 * their number series, payments and reminders, and the settings they follow.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('association_settings', (table) => {
      // 'none', or 'quarters': a member who joins during the year pays for the quarters left.
      table.string('dues_proration', 10).notNullable().defaultTo('none')
      table.integer('invoice_due_days').notNullable().defaultTo(30)
      table.integer('reminder_fee_ore').notNullable().defaultTo(0)
      table.integer('reminder_interval_days').notNullable().defaultTo(14)
    })

    this.schema.alterTable('organisations', (table) => {
      // The buyer's order number or person reference, which public buyers require on e-invoices.
      table.string('invoice_reference', 100).nullable()
    })

    // One row per series (a kind and a year); its counter is taken under a row lock.
    this.schema.createTable('invoice_series', (table) => {
      table.string('code', 20).primary()
      table.integer('last_number').notNullable().defaultTo(0)
    })

    this.schema.createTable('invoices', (table) => {
      table.increments('id')
      table.string('kind', 12).notNullable()
      table.string('series', 20).notNullable().references('invoice_series.code')
      table.integer('sequence').notNullable()
      table.string('number', 30).notNullable().unique()
      table
        .integer('organisation_id')
        .unsigned()
        .notNullable()
        .references('organisations.id')
        .onDelete('RESTRICT')
      table.integer('year').nullable()
      table.integer('tier_id').unsigned().nullable().references('tiers.id').onDelete('SET NULL')
      table.date('issue_date').notNullable()
      table.date('due_date').nullable()
      table.integer('net_ore').notNullable()
      table.integer('vat_ore').notNullable()
      table.integer('total_ore').notNullable()
      // The credit note's invoice; set on credit notes only.
      table
        .integer('credits_invoice_id')
        .unsigned()
        .nullable()
        .references('invoices.id')
        .onDelete('RESTRICT')
      // "organisation:year" while the year's dues invoice stands; cleared when it is
      // credited, so the database itself refuses a second one.
      table.string('dues_key', 40).nullable().unique()
      // The document as issued (seller, buyer, lines, VAT): PDFs and OIOUBL are made from it.
      table.text('document', 'longtext').notNullable()
      table.string('created_by', 254).notNullable()
      table.timestamp('created_at').notNullable()
      table.unique(['series', 'sequence'])
      table.index(['year', 'kind'])
      table.index(['organisation_id'])
    })

    this.schema.createTable('payments', (table) => {
      table.increments('id')
      table
        .integer('invoice_id')
        .unsigned()
        .notNullable()
        .references('invoices.id')
        .onDelete('RESTRICT')
      table.date('paid_on').notNullable()
      table.integer('amount_ore').notNullable()
      table.string('method', 20).notNullable()
      table.string('note', 300).nullable()
      table.string('recorded_by', 254).notNullable()
      table.timestamp('created_at').notNullable()
      table.index(['invoice_id'])
    })

    this.schema.createTable('reminders', (table) => {
      table.increments('id')
      table
        .integer('invoice_id')
        .unsigned()
        .notNullable()
        .references('invoices.id')
        .onDelete('RESTRICT')
      table.integer('level').notNullable()
      table.date('sent_on').notNullable()
      table.integer('fee_ore').notNullable().defaultTo(0)
      table.string('sent_to', 254).nullable()
      table.timestamp('created_at').notNullable()
      table.unique(['invoice_id', 'level'])
    })
  }

  async down() {
    this.schema.dropTable('reminders')
    this.schema.dropTable('payments')
    this.schema.dropTable('invoices')
    this.schema.dropTable('invoice_series')
    dropColumns(this, 'organisations', ['invoice_reference'])
    dropColumns(this, 'association_settings', [
      'dues_proration',
      'invoice_due_days',
      'reminder_fee_ore',
      'reminder_interval_days',
    ])
  }
}
