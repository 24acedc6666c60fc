import { DateTime } from 'luxon'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import DuesRunItem from '#dues/models/dues_run_item'

export type DuesRunKind = 'generate' | 'remind'
export type DuesRunState = 'queued' | 'running' | 'done' | 'failed'

/** A confirmed mass action of the dues: what was confirmed, by whom, and how far it has come. */
export default class DuesRun extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare kind: DuesRunKind

  @column({ serializeAs: null })
  declare token: string

  @column()
  declare fingerprint: string

  @column()
  declare year: number | null

  @column({ consume: (value) => Boolean(value) })
  declare withoutReference: boolean

  @column()
  declare state: DuesRunState

  @column()
  declare total: number

  @column()
  declare done: number

  @column({ consume: (value) => Number(value) })
  declare totalOre: number

  @column()
  declare userId: number | null

  @column()
  declare actorLabel: string

  @column()
  declare actorIp: string | null

  @column()
  declare actorUserAgent: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @column.dateTime()
  declare finishedAt: DateTime | null

  @hasMany(() => DuesRunItem, { foreignKey: 'runId' })
  declare items: HasMany<typeof DuesRunItem>

  get finished() {
    return this.state === 'done' || this.state === 'failed'
  }

  /** Whole per cent, for the progress bar. */
  get percent() {
    return this.total === 0 ? 100 : Math.floor((this.done * 100) / this.total)
  }
}
