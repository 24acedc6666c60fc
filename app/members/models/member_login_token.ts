import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Contact from '#members/models/contact'

export default class MemberLoginToken extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare contactId: number

  @column()
  declare tokenHash: string

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare usedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => Contact)
  declare contact: BelongsTo<typeof Contact>
}
