import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'audit_events'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      // Who: a staff user, a member contact, or the system (a job, a command).
      table.string('actor_type', 20).notNullable()
      table.integer('actor_id').unsigned().nullable()
      table.string('actor_label', 254).notNullable()
      table.string('module', 30).notNullable()
      table.string('action', 60).notNullable()
      table.string('subject_type', 40).nullable()
      table.string('subject_id', 40).nullable()
      // Parameters of the sentence shown for the action, translated when read.
      table.text('details').nullable()
      table.text('changes').nullable()
      table.string('ip', 45).nullable()
      table.timestamp('created_at').notNullable()
      table.index(['created_at'])
      table.index(['module', 'created_at'])
      table.index(['actor_type', 'actor_id', 'created_at'])
      table.index(['subject_type', 'subject_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
