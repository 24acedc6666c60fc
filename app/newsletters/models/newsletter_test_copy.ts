import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Subscriber from '#newsletters/models/subscriber'
import NewsletterIssue from '#newsletters/models/newsletter_issue'

/** A test address's copy of an issue, which its share link names instead of a delivery. */
export default class NewsletterTestCopy extends BaseModel {
  static table = 'newsletter_test_copies'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare issueId: number

  @column()
  declare subscriberId: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => NewsletterIssue, { foreignKey: 'issueId' })
  declare issue: BelongsTo<typeof NewsletterIssue>

  @belongsTo(() => Subscriber, { foreignKey: 'subscriberId' })
  declare subscriber: BelongsTo<typeof Subscriber>
}
