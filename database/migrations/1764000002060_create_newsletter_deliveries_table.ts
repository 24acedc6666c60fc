import { BaseSchema } from '@adonisjs/lucid/schema'
import { dropColumns } from '#database/drop_columns'

/**
 * Sending: an issue compiled once and kept as sent, one delivery row per
 * reader (unique, so creating them twice creates nothing), what readers did
 * with their share links, and the lists' public archive and member offer.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('newsletter_lists', (table) => {
      table.boolean('archive_public').notNullable().defaultTo(true)
      // Offered to member contacts with the newsletter role in the portal.
      table.boolean('for_members').notNullable().defaultTo(false)
    })

    this.schema.alterTable('newsletter_issues', (table) => {
      table.timestamp('scheduled_at').nullable()
      table.timestamp('send_started_at').nullable()
      // The issue as it went out: later edits to the house template do not change it.
      table.text('compiled_html', 'longtext').nullable()
      table.string('sent_by', 254).nullable()
    })

    this.schema.createTable('newsletter_deliveries', (table) => {
      table.increments('id')
      table
        .integer('issue_id')
        .unsigned()
        .notNullable()
        .references('newsletter_issues.id')
        .onDelete('CASCADE')
      table
        .integer('subscriber_id')
        .unsigned()
        .notNullable()
        .references('subscribers.id')
        .onDelete('CASCADE')
      table.string('status', 10).notNullable().defaultTo('queued')
      // Which worker run holds the row while it is `sending`.
      table.string('claim', 36).nullable()
      table.timestamp('claimed_at').nullable()
      table.integer('attempts').notNullable().defaultTo(0)
      table.string('error', 500).nullable()
      table.timestamp('sent_at').nullable()
      table.unique(['issue_id', 'subscriber_id'])
      table.index(['issue_id', 'status'])
      table.index(['claim'])
    })

    this.schema.createTable('newsletter_share_events', (table) => {
      table.increments('id')
      table
        .integer('delivery_id')
        .unsigned()
        .notNullable()
        .references('newsletter_deliveries.id')
        .onDelete('CASCADE')
      // Copied from the delivery so the statistics need no join.
      table.integer('issue_id').unsigned().notNullable()
      table.integer('sharer_id').unsigned().notNullable()
      table.string('kind', 10).notNullable()
      table
        .integer('new_subscriber_id')
        .unsigned()
        .nullable()
        .references('subscribers.id')
        .onDelete('SET NULL')
      table.timestamp('created_at').notNullable()
      table.index(['issue_id', 'kind'])
      table.index(['sharer_id', 'kind'])
    })

    this.schema.createTable('newsletter_forwards', (table) => {
      table.increments('id')
      table
        .integer('delivery_id')
        .unsigned()
        .notNullable()
        .references('newsletter_deliveries.id')
        .onDelete('CASCADE')
      // The colleague's address lives here and nowhere else; no subscriber is made.
      table.string('recipient_email', 254).notNullable()
      table.string('recipient_hash', 64).notNullable()
      table.text('note').nullable()
      table.string('status', 10).notNullable().defaultTo('queued')
      table.timestamp('sent_at').nullable()
      table.timestamp('created_at').notNullable()
      // Once per reader, issue and colleague.
      table.unique(['delivery_id', 'recipient_hash'])
    })
  }

  async down() {
    this.schema.dropTable('newsletter_forwards')
    this.schema.dropTable('newsletter_share_events')
    this.schema.dropTable('newsletter_deliveries')
    dropColumns(this, 'newsletter_issues', [
      'scheduled_at',
      'send_started_at',
      'compiled_html',
      'sent_by',
    ])
    dropColumns(this, 'newsletter_lists', ['archive_public', 'for_members'])
  }
}
