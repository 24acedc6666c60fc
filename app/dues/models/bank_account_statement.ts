import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { BankName, BankStatementFormat } from '#dues/bank/bank_statement'

/** One imported statement, with the balances the bank stated for it. */
export default class BankAccountStatement extends BaseModel {
  static table = 'bank_statements'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare account: string

  @column()
  declare format: BankStatementFormat

  @column()
  declare bank: BankName | null

  @column()
  declare currency: string

  @column.date()
  declare fromDate: DateTime | null

  @column.date()
  declare toDate: DateTime | null

  @column({ consume: (value) => (value === null ? null : Number(value)) })
  declare openingBalanceOre: number | null

  @column({ consume: (value) => (value === null ? null : Number(value)) })
  declare closingBalanceOre: number | null

  /** Reserved rows the file listed; they are no payment until the bank books them. */
  @column()
  declare pendingCount: number

  @column()
  declare importFileId: number | null

  @column()
  declare createdBy: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
