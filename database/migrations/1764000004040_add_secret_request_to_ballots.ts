import { BaseSchema } from '@adonisjs/lucid/schema'
import { dropColumns } from '#database/drop_columns'

/** Who asked for a written ballot: any present member may, and then it must be secret. */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('ballots', (table) => {
      table.string('secret_requested_by', 200).nullable()
    })
  }

  async down() {
    dropColumns(this, 'ballots', ['secret_requested_by'])
  }
}
