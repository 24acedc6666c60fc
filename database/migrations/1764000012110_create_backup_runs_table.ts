import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One row per nightly backup run: what was written, what was pruned, or why
 * nothing was (a failure, or a secret ballot that was open).
 */
export default class extends BaseSchema {
  protected tableName = 'backup_runs'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.timestamp('started_at').notNullable()
      table.timestamp('finished_at').notNullable()
      // succeeded, failed or postponed
      table.string('status', 20).notNullable()
      table.string('folder', 500).notNullable()
      table.string('file_name', 100).nullable()
      table.bigInteger('size_bytes').nullable()
      // Why a run was postponed (secret_ballot_open).
      table.string('reason', 40).nullable()
      table.text('error_message').nullable()
      table.integer('pruned_count').notNullable().defaultTo(0)
      table.index(['status', 'started_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
