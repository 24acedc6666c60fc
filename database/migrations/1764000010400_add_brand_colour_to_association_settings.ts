import { BaseSchema } from '@adonisjs/lucid/schema'

/** The association's own colour for the newsletter's header band, buttons and accents. */
export default class extends BaseSchema {
  protected tableName = 'association_settings'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('brand_colour', 7).notNullable().defaultTo('#1f5c99')
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('brand_colour')
    })
  }
}
