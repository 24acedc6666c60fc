import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A rykker: its level (1–3), when it went, and the fee it added. */
export default class Reminder extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare invoiceId: number

  @column()
  declare level: number

  @column.date()
  declare sentOn: DateTime

  @column()
  declare feeOre: number

  @column()
  declare sentTo: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
