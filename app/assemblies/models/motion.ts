import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
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

  /** Changes the statutes: its ballot needs the qualified majority. */
  @column({ consume: (value: unknown) => Boolean(value) })
  declare changesStatutes: boolean

  @column()
  declare status: 'submitted' | 'withdrawn'

  @column.dateTime()
  declare submittedAt: DateTime

  @belongsTo(() => Organisation)
  declare organisation: BelongsTo<typeof Organisation>
}
