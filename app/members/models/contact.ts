import { DateTime } from 'luxon'
import { BaseModel, beforeSave, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Organisation from '#members/models/organisation'
import { searchText } from '#shared/search_text'

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

  /** Name and e-mail folded for search (#shared/search_text). */
  @column({ serializeAs: null })
  declare searchText: string

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

  @beforeSave()
  static foldForSearch(contact: Contact) {
    contact.searchText = contactSearchText(contact)
  }
}

/** What a search looks in for a contact; imports that insert rows themselves use it too. */
export function contactSearchText(fields: { name: string; email: string | null }) {
  return searchText(fields.name, fields.email)
}
