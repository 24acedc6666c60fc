import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Readers and their subscriptions. A subscription row is the consent
 * evidence: which text, from where, requested and confirmed when, withdrawn
 * when. A suppressed address is never mailed again, by any path.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('subscribers', (table) => {
      table.increments('id')
      table.string('email', 254).nullable().unique()
      table.string('name', 120).nullable()
      table.string('suppressed_reason', 20).nullable()
      table.timestamp('suppressed_at').nullable()
      // The reader whose share link brought this one: attribution, never a reward.
      table
        .integer('referred_by_id')
        .unsigned()
        .nullable()
        .references('subscribers.id')
        .onDelete('SET NULL')
      table.timestamp('erased_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['referred_by_id'])
    })
    this.schema.createTable('subscriptions', (table) => {
      table.increments('id')
      table
        .integer('subscriber_id')
        .unsigned()
        .notNullable()
        .references('subscribers.id')
        .onDelete('CASCADE')
      table
        .integer('list_id')
        .unsigned()
        .notNullable()
        .references('newsletter_lists.id')
        .onDelete('CASCADE')
      table.string('status', 20).notNullable()
      table
        .integer('consent_text_id')
        .unsigned()
        .nullable()
        .references('consent_texts.id')
        .onDelete('RESTRICT')
      table.string('source', 20).notNullable()
      table.timestamp('requested_at').notNullable()
      table.string('request_ip', 45).nullable()
      table.timestamp('confirmed_at').nullable()
      table.timestamp('unsubscribed_at').nullable()
      table.string('confirm_token_hash', 64).nullable().unique()
      table.timestamp('confirm_expires_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['subscriber_id', 'list_id'])
      table.index(['list_id', 'status'])
    })
  }

  async down() {
    this.schema.dropTable('subscriptions')
    this.schema.dropTable('subscribers')
  }
}
