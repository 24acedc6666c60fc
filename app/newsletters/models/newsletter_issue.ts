import { DateTime } from 'luxon'
import { BaseModel, column, manyToMany } from '@adonisjs/lucid/orm'
import type { ManyToMany } from '@adonisjs/lucid/types/relations'
import NewsletterList from '#newsletters/models/newsletter_list'

export type IssueStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'paused' | 'cancelled'

export default class NewsletterIssue extends BaseModel {
  static table = 'newsletter_issues'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare subject: string

  @column()
  declare preheader: string | null

  @column()
  declare bodyMjml: string

  @column()
  declare status: IssueStatus

  @column()
  declare createdBy: string

  @column.dateTime()
  declare sentAt: DateTime | null

  @column.dateTime()
  declare scheduledAt: DateTime | null

  @column.dateTime()
  declare sendStartedAt: DateTime | null

  /** The full HTML as it went out, placeholders still in it. */
  @column({ serializeAs: null })
  declare compiledHtml: string | null

  @column()
  declare sentBy: string | null

  /** Messages per second for this issue; null follows NEWSLETTER_RATE_LIMIT. */
  @column()
  declare sendRate: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @manyToMany(() => NewsletterList, {
    pivotTable: 'newsletter_issue_lists',
    pivotForeignKey: 'issue_id',
    pivotRelatedForeignKey: 'list_id',
  })
  declare lists: ManyToMany<typeof NewsletterList>
}
