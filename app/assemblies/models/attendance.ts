import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Organisation from '#members/models/organisation'

/** One line of the voting register: present or not, by whom, and any proxy given. */
export default class Attendance extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare assemblyId: number

  @column()
  declare organisationId: number

  @column({ consume: (value: unknown) => Boolean(value) })
  declare present: boolean

  @column()
  declare representative: string | null

  @column()
  declare checkedInBy: 'board' | 'self' | null

  @column.dateTime()
  declare checkedInAt: DateTime | null

  @column()
  declare proxyToOrganisationId: number | null

  @belongsTo(() => Organisation)
  declare organisation: BelongsTo<typeof Organisation>
}
