import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

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

  @column()
  declare createdBy: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  /** An image goes into a newsletter only once it says what it shows. */
  get isUsable() {
    return Boolean(this.altText?.trim())
  }
}
