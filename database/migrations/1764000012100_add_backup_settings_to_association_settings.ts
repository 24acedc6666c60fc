import { BaseSchema } from '@adonisjs/lucid/schema'
import { dropColumns } from '#database/drop_columns'

/**
 * Where the nightly backups go and how many are kept. No folder until the
 * admin names one: a backup lands on a disk someone chose, never on a
 * default path that may be the server's own system disk.
 */
export default class extends BaseSchema {
  protected tableName = 'association_settings'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('backup_folder', 500).nullable()
      table.integer('backup_keep_daily').notNullable().defaultTo(7)
      table.integer('backup_keep_weekly').notNullable().defaultTo(4)
      table.integer('backup_keep_monthly').notNullable().defaultTo(12)
    })
  }

  async down() {
    dropColumns(this, this.tableName, [
      'backup_folder',
      'backup_keep_daily',
      'backup_keep_weekly',
      'backup_keep_monthly',
    ])
  }
}
