import { DateTime } from 'luxon'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import RegisterSnapshotLine from '#assemblies/models/register_snapshot_line'

/** The voting register of a closed assembly, as it stood when the assembly closed. */
export default class RegisterSnapshot extends BaseModel {
  static table = 'assembly_register_snapshots'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare assemblyId: number

  @column()
  declare members: number

  @column()
  declare entitled: number

  @column()
  declare present: number

  @column()
  declare represented: number

  @column()
  declare votes: number

  @column.dateTime()
  declare frozenAt: DateTime

  @hasMany(() => RegisterSnapshotLine, { foreignKey: 'snapshotId' })
  declare lines: HasMany<typeof RegisterSnapshotLine>
}
