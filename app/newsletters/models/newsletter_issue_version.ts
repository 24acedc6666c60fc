import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A draft as one save left it; see the newsletter_issue_versions migration. */
export default class NewsletterIssueVersion extends BaseModel {
  static table = 'newsletter_issue_versions'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare issueId: number

  @column()
  declare subject: string

  @column()
  declare preheader: string | null

  @column()
  declare bodyMjml: string

  @column()
  declare savedBy: string

  @column()
  declare savedByUserId: number | null

  @column({ consume: (value) => Boolean(value) })
  declare autosave: boolean

  @column.dateTime()
  declare firstSavedAt: DateTime

  @column.dateTime()
  declare savedAt: DateTime
}
