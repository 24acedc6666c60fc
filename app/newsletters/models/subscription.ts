import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Subscriber from '#newsletters/models/subscriber'
import NewsletterList from '#newsletters/models/newsletter_list'
import ConsentText from '#newsletters/models/consent_text'

export type SubscriptionStatus = 'pending' | 'active' | 'unsubscribed'
export type SubscriptionSource = 'form' | 'import' | 'share' | 'member_portal'

/**
 * What a subscribe form asked for, kept apart until the owner of the address
 * confirms it: only then does it become the subscription's consent evidence
 * (and the reader's name, if they had none).
 */
export type PendingRequest = {
  name: string | null
  consentTextId: number
  source: SubscriptionSource
  /** ISO 8601. */
  requestedAt: string
  requestIp: string | null
}

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

  // Stored as text on both dialects: JSON columns differ between SQLite and MariaDB.
  @column({
    serializeAs: null,
    prepare: (value: PendingRequest | null) => (value ? JSON.stringify(value) : null),
    consume: (value: string | null) => (value ? (JSON.parse(value) as PendingRequest) : null),
  })
  declare pendingRequest: PendingRequest | null

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
