import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Each import that wrote to the register keeps the file as it was uploaded
 * and the changes it made, row by row, so its audit event can hand both
 * back: the log says what happened, the file shows why.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('import_files', (table) => {
      table.increments('id')
      table.string('kind', 30).notNullable()
      table.string('file_name', 200).notNullable()
      table.string('sha256', 64).notNullable()
      // LONGBLOB on MySQL (a plain BLOB stops at 64 KB); BLOB on SQLite has no limit.
      if (this.db.dialect.name.includes('sqlite')) table.binary('content').notNullable()
      else table.specificType('content', 'longblob').notNullable()
      // The per-row changes as JSON: tens of thousands of rows do not fit an audit event.
      table.text('changes', 'longtext').notNullable()
      table.string('created_by', 254).notNullable()
      table.timestamp('created_at').notNullable()
    })
    // A header Kreds does not know, and the column the user said it is: asked once, then remembered.
    this.schema.createTable('import_column_mappings', (table) => {
      table.increments('id')
      table.string('kind', 30).notNullable()
      table.string('header_key', 200).notNullable()
      table.string('column', 40).notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['kind', 'header_key'])
    })
  }

  async down() {
    this.schema.dropTable('import_column_mappings')
    this.schema.dropTable('import_files')
  }
}
