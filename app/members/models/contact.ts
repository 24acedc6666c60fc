import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Organisation from '#members/models/organisation'

const asBoolean = { consume: (value: unknown) => Boolean(value) }

export const CONTACT_ROLES = ['primary', 'billing', 'delegate', 'newsletter'] as const
export type ContactRole = (typeof CONTACT_ROLES)[number]

export default class Contact extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare organisationId: number

  @column()
  declare name: string

  @column()
  declare title: string | null

  @column()
  declare email: string | null

  @column()
  declare phone: string | null

  @column(asBoolean)
  declare isPrimary: boolean

  @column(asBoolean)
  declare isBilling: boolean

  @column(asBoolean)
  declare isDelegate: boolean

  @column(asBoolean)
  declare isNewsletter: boolean

  @column.dateTime()
  declare erasedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Organisation)
  declare organisation: BelongsTo<typeof Organisation>

  get roles(): ContactRole[] {
    const flags: Record<ContactRole, boolean> = {
      primary: this.isPrimary,
      billing: this.isBilling,
      delegate: this.isDelegate,
      newsletter: this.isNewsletter,
    }
    return CONTACT_ROLES.filter((role) => flags[role])
  }
}
