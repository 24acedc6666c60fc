import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Motion from '#assemblies/models/motion'
import Ballot from '#assemblies/models/ballot'

export default class AgendaItem extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare assemblyId: number

  @column()
  declare position: number

  @column()
  declare title: string

  @column()
  declare description: string | null

  @column()
  declare notes: string | null

  @hasMany(() => Motion)
  declare motions: HasMany<typeof Motion>

  @hasMany(() => Ballot)
  declare ballots: HasMany<typeof Ballot>
}
