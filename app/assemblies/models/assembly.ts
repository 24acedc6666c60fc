import { DateTime } from 'luxon'
import { BaseModel, beforeSave, column, hasMany } from '@adonisjs/lucid/orm'
import { searchText } from '#shared/search_text'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import AgendaItem from '#assemblies/models/agenda_item'
import Motion from '#assemblies/models/motion'
import Attendance from '#assemblies/models/attendance'
import Ballot from '#assemblies/models/ballot'

export type AssemblyKind = 'ordinary' | 'extraordinary'
export type AssemblyStatus = 'planned' | 'notice_sent' | 'open' | 'closed'

export default class Assembly extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare kind: AssemblyKind

  @column()
  declare title: string

  /** The title folded for search (#shared/search_text). */
  @column({ serializeAs: null })
  declare searchText: string

  @column.dateTime()
  declare startsAt: DateTime

  @column()
  declare place: string | null

  @column()
  declare meetingUrl: string | null

  @column.date()
  declare motionDeadline: DateTime | null

  @column()
  declare requestedBy: string | null

  @column()
  declare status: AssemblyStatus

  @column.dateTime()
  declare noticeSentAt: DateTime | null

  /** The notice went out later than the statutes ask, and the board confirmed it anyway. */
  @column({ consume: (value: unknown) => Boolean(value) })
  declare noticeLate: boolean

  @column.dateTime()
  declare openedAt: DateTime | null

  @column.dateTime()
  declare closedAt: DateTime | null

  @column()
  declare dirigentName: string | null

  @column()
  declare dirigentEmail: string | null

  @column()
  declare referentName: string | null

  @column()
  declare referentEmail: string | null

  @column()
  declare createdBy: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => AgendaItem)
  declare agendaItems: HasMany<typeof AgendaItem>

  @hasMany(() => Motion)
  declare motions: HasMany<typeof Motion>

  @hasMany(() => Attendance)
  declare attendances: HasMany<typeof Attendance>

  @hasMany(() => Ballot)
  declare ballots: HasMany<typeof Ballot>

  @beforeSave()
  static foldForSearch(assembly: Assembly) {
    assembly.searchText = searchText(assembly.title)
  }
}
