import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A statement is what the treasurer reconciles: the bank's own opening and
 * closing balance and the entries between them. An entry belongs to every
 * statement that lists it (overlapping exports share entries), but is stored
 * once, and its state (matched, open, not dues) lives on the entry. Payments
 * name the entry that paid them, so a transfer split over several invoices
 * links each of them and an undo finds them all.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('bank_statements', (table) => {
      table.increments('id')
      table.string('account', 64).notNullable()
      table.string('format', 20).notNullable()
      table.string('bank', 20).nullable()
      table.string('currency', 3).notNullable()
      table.date('from_date').nullable()
      table.date('to_date').nullable()
      table.bigInteger('opening_balance_ore').nullable()
      table.bigInteger('closing_balance_ore').nullable()
      table.integer('pending_count').notNullable().defaultTo(0)
      table
        .integer('import_file_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('import_files')
        .onDelete('SET NULL')
      table.string('created_by', 200).notNullable()
      table.timestamp('created_at').notNullable()
    })

    this.schema.createTable('bank_statement_lines', (table) => {
      table.increments('id')
      table
        .integer('bank_statement_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('bank_statements')
        .onDelete('CASCADE')
      table
        .integer('bank_entry_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('bank_entries')
        .onDelete('CASCADE')
      table.integer('line').notNullable()
      table.unique(['bank_statement_id', 'bank_entry_id'])
    })

    this.schema.alterTable('bank_entries', (table) => {
      // The payments now name their entry instead; a split has several.
      table.dropForeign(['invoice_id'])
      table.dropForeign(['payment_id'])
      table.dropColumn('invoice_id')
      table.dropColumn('payment_id')
      // matched | open | not_dues | debit
      table.string('state', 20).notNullable().defaultTo('open')
      // What the matching rules proposed at import, with its reason, kept for the treasurer's decision.
      table.text('suggestion').nullable()
    })

    this.schema.alterTable('payments', (table) => {
      table
        .integer('bank_entry_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('bank_entries')
        .onDelete('RESTRICT')
      table.index(['bank_entry_id'])
    })

    this.schema.alterTable('association_settings', (table) => {
      // Nothing dated on or before this day may change: payments, their undo, bank matches.
      table.date('books_closed_through').nullable()
    })
  }

  async down() {
    this.schema.alterTable('association_settings', (table) => {
      table.dropColumn('books_closed_through')
    })
    this.schema.alterTable('payments', (table) => {
      table.dropForeign(['bank_entry_id'])
      table.dropIndex(['bank_entry_id'])
      table.dropColumn('bank_entry_id')
    })
    this.schema.alterTable('bank_entries', (table) => {
      table.dropColumn('state')
      table.dropColumn('suggestion')
      table.integer('invoice_id').unsigned().nullable().references('id').inTable('invoices')
      table.integer('payment_id').unsigned().nullable().references('id').inTable('payments')
    })
    this.schema.dropTable('bank_statement_lines')
    this.schema.dropTable('bank_statements')
  }
}
