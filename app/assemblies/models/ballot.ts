import { DateTime } from 'luxon'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import BallotOption from '#assemblies/models/ballot_option'

export type BallotKind = 'yes_no' | 'choice' | 'election'
export type BallotStatus = 'draft' | 'open' | 'closed'

/** One question put to the vote, and once closed, its stored result. */
export default class Ballot extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare assemblyId: number

  @column()
  declare agendaItemId: number

  @column()
  declare motionId: number | null

  @column()
  declare question: string

  @column()
  declare kind: BallotKind

  @column({ consume: (value: unknown) => Boolean(value) })
  declare secret: boolean

  /** The member whose request made the ballot secret, if one did. */
  @column()
  declare secretRequestedBy: string | null

  @column()
  declare majority: 'simple' | 'two_thirds'

  @column()
  declare quorumPercent: number | null

  @column()
  declare seats: number | null

  @column()
  declare method: 'electronic' | 'show_of_hands'

  @column()
  declare status: BallotStatus

  @column.dateTime()
  declare openedAt: DateTime | null

  @column.dateTime()
  declare closedAt: DateTime | null

  @column({
    prepare: (value: unknown) => (value === null ? null : JSON.stringify(value)),
    consume: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : (value ?? null)),
  })
  declare result: Record<string, unknown> | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @hasMany(() => BallotOption)
  declare options: HasMany<typeof BallotOption>
}
