import { BaseSchema } from '@adonisjs/lucid/schema'
import { dropColumns } from '#database/drop_columns'

/**
 * Sending at scale: an issue's own rate limit, and what mail servers said
 * after a message left (bounces and complaints), which suppress addresses.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('newsletter_issues', (table) => {
      // Messages per second; null follows NEWSLETTER_RATE_LIMIT.
      table.integer('send_rate').unsigned().nullable()
    })

    this.schema.alterTable('newsletter_deliveries', (table) => {
      // A temporary refusal waits until then before it is tried again.
      table.timestamp('retry_at').nullable()
      // Finding claims a dead worker left behind.
      table.index(['status', 'claimed_at'])
    })

    this.schema.createTable('mail_events', (table) => {
      table.increments('id')
      // hard, soft or complaint
      table.string('type', 10).notNullable()
      table.string('email', 254).notNullable()
      table
        .integer('subscriber_id')
        .unsigned()
        .nullable()
        .references('subscribers.id')
        .onDelete('CASCADE')
      table
        .integer('delivery_id')
        .unsigned()
        .nullable()
        .references('newsletter_deliveries.id')
        .onDelete('SET NULL')
      table.integer('issue_id').unsigned().nullable()
      // dsn (an RFC 3464 report) or json (a provider's event)
      table.string('source', 10).notNullable()
      table.string('detail', 500).nullable()
      table.timestamp('created_at').notNullable()
      table.index(['issue_id', 'type'])
      table.index(['subscriber_id', 'type', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable('mail_events')
    this.schema.alterTable('newsletter_deliveries', (table) => {
      table.dropIndex(['status', 'claimed_at'])
    })
    dropColumns(this, 'newsletter_deliveries', ['retry_at'])
    dropColumns(this, 'newsletter_issues', ['send_rate'])
  }
}
