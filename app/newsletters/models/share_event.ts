import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type ShareEventKind = 'view' | 'forward' | 'signup'

/** Something a reader's share link led to: a view, a forward, a new subscriber. */
export default class ShareEvent extends BaseModel {
  static table = 'newsletter_share_events'

  @column({ isPrimary: true })
  declare id: number

  /** Null, with the sharer, once the nightly clean-up has anonymised the event. */
  @column()
  declare deliveryId: number | null

  @column()
  declare issueId: number

  @column()
  declare sharerId: number | null

  @column()
  declare kind: ShareEventKind

  @column()
  declare newSubscriberId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
