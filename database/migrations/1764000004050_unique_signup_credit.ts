import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A new reader is credited to one sharer, once: the key holds when two
 * subscribe forms for one address arrive at the same moment. Only sign-ups
 * name a new subscriber, and several empty values do not collide.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('newsletter_share_events', (table) => {
      table.unique(['new_subscriber_id'])
    })
  }

  async down() {
    // MySQL lets the unique key serve the foreign key: the key goes with the
    // foreign key, which comes back with an index of its own.
    this.schema.alterTable('newsletter_share_events', (table) => {
      table.dropForeign(['new_subscriber_id'])
      table.dropUnique(['new_subscriber_id'])
    })
    this.schema.alterTable('newsletter_share_events', (table) => {
      table.foreign('new_subscriber_id').references('subscribers.id').onDelete('SET NULL')
    })
  }
}
