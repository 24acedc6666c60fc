import { BaseModel, column } from '@adonisjs/lucid/orm'

/** An option of a choice, or a candidate in an election. */
export default class BallotOption extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare ballotId: number

  @column()
  declare position: number

  @column()
  declare label: string
}
