import { BaseModel, column } from '@adonisjs/lucid/orm'

/**
 * One invoice to issue or one reminder to send, as confirmed; the outcome is
 * `planned` until the run reaches it, then what the action answered.
 */
export default class DuesRunItem extends BaseModel {
  static table = 'dues_run_items'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare runId: number

  @column()
  declare position: number

  @column()
  declare organisationId: number

  @column()
  declare organisationName: string

  @column()
  declare invoiceId: number | null

  @column()
  declare invoiceNumber: string | null

  @column()
  declare level: number | null

  @column({ consume: (value) => Number(value) })
  declare amountOre: number

  @column()
  declare recipient: string | null

  @column()
  declare outcome: string
}
