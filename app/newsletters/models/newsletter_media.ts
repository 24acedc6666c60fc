import { DateTime } from 'luxon'
import { BaseModel, beforeSave, column } from '@adonisjs/lucid/orm'
import { searchText } from '#shared/search_text'

/** One image of the newsletter's media library; its files are named by its key. */
export default class NewsletterMedia extends BaseModel {
  static table = 'newsletter_media'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare key: string

  @column()
  declare originalName: string

  @column()
  declare mime: string

  @column()
  declare width: number

  @column()
  declare height: number

  @column()
  declare bytes: number

  // Named as written: the naming strategy would make it sha_256.
  @column({ columnName: 'sha256' })
  declare sha256: string

  @column()
  declare altText: string | null

  /** File name and alt text folded for search (#shared/search_text). */
  @column({ serializeAs: null })
  declare searchText: string

  @column()
  declare createdBy: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  /** An image goes into a newsletter only once it says what it shows. */
  get isUsable() {
    return Boolean(this.altText?.trim())
  }

  @beforeSave()
  static foldForSearch(media: NewsletterMedia) {
    media.searchText = searchText(media.originalName, media.altText)
  }
}
