import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What a subscribe form asked for (name, consent text, source, time, IP), kept
 * beside the subscription until the address's owner confirms it: a stranger's
 * request must not rename anyone or overwrite the evidence of an earlier
 * consent or withdrawal. Text, not JSON: the two dialects return JSON differently.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('subscriptions', (table) => {
      table.text('pending_request').nullable()
    })
  }

  async down() {
    this.schema.alterTable('subscriptions', (table) => {
      table.dropColumn('pending_request')
    })
  }
}
