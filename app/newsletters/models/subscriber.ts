import { DateTime } from 'luxon'
import { BaseModel, beforeSave, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Subscription from '#newsletters/models/subscription'
import { searchText } from '#shared/search_text'

export type SuppressionReason = 'unsubscribed' | 'bounced' | 'complained'

export default class Subscriber extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare email: string | null

  @column()
  declare name: string | null

  /** Address and name folded for search (#shared/search_text). */
  @column({ serializeAs: null })
  declare searchText: string

  /** Set on erasure, when the address itself is removed. */
  @column({ serializeAs: null })
  declare emailHash: string | null

  @column()
  declare suppressedReason: SuppressionReason | null

  @column.dateTime()
  declare suppressedAt: DateTime | null

  @column()
  declare referredById: number | null

  @column.dateTime()
  declare erasedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => Subscription)
  declare subscriptions: HasMany<typeof Subscription>

  @belongsTo(() => Subscriber, { foreignKey: 'referredById' })
  declare referredBy: BelongsTo<typeof Subscriber>

  /** A suppressed or erased address is never mailed, whatever asks. */
  get isMailable() {
    return !this.suppressedReason && !this.erasedAt && Boolean(this.email)
  }

  @beforeSave()
  static foldForSearch(subscriber: Subscriber) {
    subscriber.searchText = searchText(subscriber.email, subscriber.name)
  }
}
