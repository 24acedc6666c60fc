import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Every booked entry a bank import has seen, with what it paid. The unique
 * key on (account, fingerprint) is what keeps a re-imported or overlapping
 * statement from paying an invoice twice, even when two imports run at once.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('bank_entries', (table) => {
      table.increments('id')
      // An IBAN is at most 34 characters; a bounded column lets MariaDB index it. '' when unknown.
      table.string('account', 64).notNullable()
      table.string('fingerprint', 64).notNullable()
      table.date('booking_date').notNullable()
      table.bigInteger('amount_ore').notNullable()
      table.text('text').notNullable()
      table.string('payer_name', 200).nullable()
      table.string('reference', 100).nullable()
      table.string('status', 20).notNullable()
      table
        .integer('invoice_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('invoices')
        .onDelete('SET NULL')
      table
        .integer('payment_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('payments')
        .onDelete('SET NULL')
      table.string('match_reason', 40).nullable()
      table
        .integer('import_file_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('import_files')
        .onDelete('SET NULL')
      table.timestamp('created_at').notNullable()
      table.unique(['account', 'fingerprint'])
    })
  }

  async down() {
    this.schema.dropTable('bank_entries')
  }
}
