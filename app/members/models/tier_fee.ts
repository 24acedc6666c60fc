import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class TierFee extends BaseModel {
  static table = 'tier_fees'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare tierId: number

  @column()
  declare year: number

  @column()
  declare amountOre: number
}
