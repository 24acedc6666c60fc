import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export const PAYMENT_METHODS = ['bank_transfer', 'mobilepay', 'card', 'cash', 'other'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

export default class Payment extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare invoiceId: number

  @column.date()
  declare paidOn: DateTime

  @column()
  declare amountOre: number

  @column()
  declare method: PaymentMethod

  @column()
  declare note: string | null

  /** The bank statement entry this payment came in on, when a bank import matched it. */
  @column()
  declare bankEntryId: number | null

  @column()
  declare recordedBy: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
