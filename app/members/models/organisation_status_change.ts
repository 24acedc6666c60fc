import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { MembershipStatus } from '#members/membership'

export default class OrganisationStatusChange extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare organisationId: number

  @column()
  declare fromStatus: MembershipStatus | null

  @column()
  declare toStatus: MembershipStatus

  @column.date()
  declare changedOn: DateTime

  @column()
  declare reason: string

  @column()
  declare actorLabel: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
