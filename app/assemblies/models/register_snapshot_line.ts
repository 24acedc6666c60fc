import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { VotingRightReason } from '#assemblies/rules/voting_register'

const asBoolean = { consume: (value: unknown) => Boolean(value) }

export type SnapshotOrganisation = { id: number; name: string }

/** One organisation's line of a frozen voting register. */
export default class RegisterSnapshotLine extends BaseModel {
  static table = 'assembly_register_snapshot_lines'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare snapshotId: number

  @column()
  declare position: number

  @column()
  declare organisationId: number

  @column()
  declare organisationName: string

  @column(asBoolean)
  declare member: boolean

  @column(asBoolean)
  declare present: boolean

  @column()
  declare representative: string | null

  @column()
  declare proxyToOrganisationId: number | null

  @column()
  declare proxyToName: string | null

  @column({
    prepare: (value: SnapshotOrganisation[]) => JSON.stringify(value),
    consume: (value: string | SnapshotOrganisation[]) =>
      typeof value === 'string' ? (JSON.parse(value) as SnapshotOrganisation[]) : value,
  })
  declare proxiesFrom: SnapshotOrganisation[]

  @column(asBoolean)
  declare mayVote: boolean

  @column()
  declare reason: VotingRightReason | null

  @column()
  declare votes: number
}
