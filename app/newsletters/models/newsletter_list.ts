import { DateTime } from 'luxon'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import ConsentText from '#newsletters/models/consent_text'

export default class NewsletterList extends BaseModel {
  static table = 'newsletter_lists'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: string

  @column()
  declare slug: string

  @column()
  declare description: string | null

  @column({ consume: (value: unknown) => Boolean(value) })
  declare isPublic: boolean

  /** Past issues are listed on the public archive page. */
  @column({ consume: (value: unknown) => Boolean(value) })
  declare archivePublic: boolean

  /** Offered to member contacts with the newsletter role in the portal. */
  @column({ consume: (value: unknown) => Boolean(value) })
  declare forMembers: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => ConsentText, { foreignKey: 'listId' })
  declare consentTexts: HasMany<typeof ConsentText>
}
