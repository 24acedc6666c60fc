import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * "Who and from where": beside the address, the browser a change was made
 * in. A dues run confirmed in a browser keeps it too, for the events its
 * job writes later on the confirming person's behalf. Earlier events have
 * none.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('audit_events', (table) => {
      table.string('user_agent', 300).nullable()
    })
    this.schema.alterTable('dues_runs', (table) => {
      table.string('actor_user_agent', 300).nullable()
    })
  }

  async down() {
    this.schema.alterTable('dues_runs', (table) => {
      table.dropColumn('actor_user_agent')
    })
    this.schema.alterTable('audit_events', (table) => {
      table.dropColumn('user_agent')
    })
  }
}
