import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The member portal shows an organisation its personal voting link again
 * after the notice was mailed. Only the hash finds a link; the token itself
 * is kept encrypted with the app key, so a copy of the database alone still
 * opens no ballot. Links issued before this have none and are shown as mailed.
 */
export default class extends BaseSchema {
  protected tableName = 'assembly_links'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.text('token_sealed').nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('token_sealed')
    })
  }
}
