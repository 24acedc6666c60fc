import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * How long personal data is kept, and room for the nightly clean-up to
 * anonymise statistics rows instead of deleting them: a delivery or a share
 * event keeps its issue, status, kind and time (the figures the statistics
 * pages count) while the link to the reader becomes null.
 *
 * Without a transaction: SQLite changes a column by copying the table, and
 * only outside a transaction can it turn foreign keys off for that copy;
 * with them on, dropping the old newsletter_deliveries would cascade to its
 * share events and forwards.
 */
const NEW_COUNTS = [
  'deliveries',
  'share_events',
  'forwards',
  'ip_addresses',
  'former_members',
  'contacts',
  'invoice_addresses',
]

export default class extends BaseSchema {
  static disableTransactions = true

  async up() {
    this.schema.alterTable('association_settings', (table) => {
      table.integer('retention_delivery_months').notNullable().defaultTo(24)
      table.integer('retention_share_event_months').notNullable().defaultTo(24)
      table.integer('retention_forward_months').notNullable().defaultTo(6)
      table.integer('retention_ip_months').notNullable().defaultTo(6)
      table.integer('retention_login_token_days').notNullable().defaultTo(0)
      table.integer('retention_former_member_months').notNullable().defaultTo(24)
    })
    this.schema.alterTable('newsletter_deliveries', (table) => {
      table.integer('subscriber_id').unsigned().nullable().alter()
    })
    this.schema.alterTable('newsletter_share_events', (table) => {
      table.integer('delivery_id').unsigned().nullable().alter()
      table.integer('sharer_id').unsigned().nullable().alter()
    })
    // Earlier runs cleaned none of the new kinds: their events say so, and read as the new ones do.
    this.defer(async (client) => {
      const runs = await client
        .from('audit_events')
        .where('action', 'operations.retention_run')
        .select('id', 'details')
      for (const run of runs) {
        const details = typeof run.details === 'string' ? JSON.parse(run.details) : run.details
        const complete = { ...details }
        for (const key of NEW_COUNTS) complete[key] ??= 0
        await client
          .from('audit_events')
          .where('id', run.id)
          .update({ details: JSON.stringify(complete) })
      }
    })
  }

  /** The links stay nullable: anonymised rows have nothing to put back. */
  async down() {
    this.schema.alterTable('association_settings', (table) => {
      table.dropColumn('retention_delivery_months')
      table.dropColumn('retention_share_event_months')
      table.dropColumn('retention_forward_months')
      table.dropColumn('retention_ip_months')
      table.dropColumn('retention_login_token_days')
      table.dropColumn('retention_former_member_months')
    })
  }
}
