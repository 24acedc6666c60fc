import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type SignatureRole = 'dirigent' | 'referent'
/** How the signer proved who they were: their own login, or the personal link sent to them. */
export type SigningMethod = 'login' | 'link'

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

  /** The address that signed: the one the assembly gave for the role. */
  @column()
  declare signerEmail: string | null

  @column()
  declare method: SigningMethod | null

  @column()
  declare userId: number | null

  /** The hash of the text the signer signed; null for signatures older than hashes. */
  @column()
  declare contentHash: string | null

  @column.dateTime()
  declare signedAt: DateTime
}
