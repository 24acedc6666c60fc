import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type SignatureRole = 'dirigent' | 'referent'

export default class MinutesSignature extends BaseModel {
  static table = 'minutes_signatures'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare minutesId: number

  @column()
  declare role: SignatureRole

  @column()
  declare name: string

  /** Who signed: a staff login or "personal link". */
  @column()
  declare signedBy: string

  @column.dateTime()
  declare signedAt: DateTime
}
