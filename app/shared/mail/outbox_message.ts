import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class OutboxMessage extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare messageId: string

  @column()
  declare fromAddress: string

  @column()
  declare toAddresses: string

  @column()
  declare subject: string

  @column()
  declare html: string | null

  @column()
  declare text: string | null

  @column({
    prepare: (value: Record<string, unknown> | null) => (value ? JSON.stringify(value) : null),
    consume: (value: string | null) =>
      value ? (JSON.parse(value) as Record<string, unknown>) : {},
  })
  declare headers: Record<string, unknown>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
