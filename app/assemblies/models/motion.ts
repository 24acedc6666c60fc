import { DateTime } from 'luxon'
import { BaseModel, beforeSave, belongsTo, column } from '@adonisjs/lucid/orm'
import { longSearchText } from '#shared/search_text'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Organisation from '#members/models/organisation'

/** A forslag: from a member before the deadline, or from the board at any time. */
export default class Motion extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare assemblyId: number

  @column()
  declare agendaItemId: number | null

  @column()
  declare organisationId: number | null

  @column()
  declare submittedBy: string

  @column()
  declare title: string

  @column()
  declare body: string

  /** Title and text folded for search (#shared/search_text). */
  @column({ serializeAs: null })
  declare searchText: string | null

  /** Changes the statutes: its ballot needs the qualified majority. */
  @column({ consume: (value: unknown) => Boolean(value) })
  declare changesStatutes: boolean

  @column()
  declare status: 'submitted' | 'withdrawn'

  @column.dateTime()
  declare submittedAt: DateTime

  @belongsTo(() => Organisation)
  declare organisation: BelongsTo<typeof Organisation>

  @beforeSave()
  static foldForSearch(motion: Motion) {
    motion.searchText = longSearchText(motion.title, motion.body)
  }
}
