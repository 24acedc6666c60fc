import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Sessions live on the server, so that logging out, a new password, a lost
 * role or a deactivated account ends them: a copied cookie then names a row
 * that is gone. user_id tags each session with whose it is ("staff:12",
 * "contact:34") so that all of one person's sessions can be ended at once.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('sessions', (table) => {
      table.string('id', 64).primary()
      table.string('user_id', 64).nullable().index()
      // Flash messages carry a refused form's input back: more than TEXT's 64 KB on MySQL.
      table.text('data', 'mediumtext').notNullable()
      table.timestamp('expires_at').notNullable().index()
    })
  }

  async down() {
    this.schema.dropTable('sessions')
  }
}
