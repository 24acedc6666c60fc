import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Subscriber from '#newsletters/models/subscriber'
import NewsletterIssue from '#newsletters/models/newsletter_issue'

export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed'

/** One reader's copy of one issue. */
export default class NewsletterDelivery extends BaseModel {
  static table = 'newsletter_deliveries'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare issueId: number

  /** Null once the nightly clean-up has anonymised the copy: it still counts, for nobody. */
  @column()
  declare subscriberId: number | null

  @column()
  declare status: DeliveryStatus

  @column()
  declare claim: string | null

  @column.dateTime()
  declare claimedAt: DateTime | null

  @column()
  declare attempts: number

  @column()
  declare error: string | null

  @column.dateTime()
  declare sentAt: DateTime | null

  /** After a temporary refusal: not tried again before this. */
  @column.dateTime()
  declare retryAt: DateTime | null

  @belongsTo(() => Subscriber)
  declare subscriber: BelongsTo<typeof Subscriber>

  @belongsTo(() => NewsletterIssue, { foreignKey: 'issueId' })
  declare issue: BelongsTo<typeof NewsletterIssue>
}
