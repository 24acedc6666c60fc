import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Subscriber from '#newsletters/models/subscriber'
import NewsletterList from '#newsletters/models/newsletter_list'
import ConsentText from '#newsletters/models/consent_text'

export type SubscriptionStatus = 'pending' | 'active' | 'unsubscribed'
export type SubscriptionSource = 'form' | 'import' | 'share' | 'member_portal'

/** A reader on a list, and the evidence of their consent. */
export default class Subscription extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare subscriberId: number

  @column()
  declare listId: number

  @column()
  declare status: SubscriptionStatus

  @column()
  declare consentTextId: number | null

  @column()
  declare source: SubscriptionSource

  @column.dateTime()
  declare requestedAt: DateTime

  @column()
  declare requestIp: string | null

  @column.dateTime()
  declare confirmedAt: DateTime | null

  @column.dateTime()
  declare unsubscribedAt: DateTime | null

  /** For consent given elsewhere (an import): the file, row and columns that prove it. */
  @column()
  declare evidence: string | null

  @column({ serializeAs: null })
  declare confirmTokenHash: string | null

  @column.dateTime()
  declare confirmExpiresAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Subscriber)
  declare subscriber: BelongsTo<typeof Subscriber>

  @belongsTo(() => NewsletterList, { foreignKey: 'listId' })
  declare list: BelongsTo<typeof NewsletterList>

  @belongsTo(() => ConsentText)
  declare consentText: BelongsTo<typeof ConsentText>
}
