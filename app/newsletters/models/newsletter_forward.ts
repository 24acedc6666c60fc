import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'

/** An issue a reader sent once to a colleague, with their note. */
export default class NewsletterForward extends BaseModel {
  static table = 'newsletter_forwards'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare deliveryId: number

  @column()
  declare recipientEmail: string

  @column({ serializeAs: null })
  declare recipientHash: string

  @column()
  declare note: string | null

  @column()
  declare status: 'queued' | 'sent'

  @column.dateTime()
  declare sentAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => NewsletterDelivery, { foreignKey: 'deliveryId' })
  declare delivery: BelongsTo<typeof NewsletterDelivery>
}
