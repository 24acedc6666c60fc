import { DateTime } from 'luxon'
import { BaseModel, beforeSave, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Tier from '#members/models/tier'
import Contact from '#members/models/contact'
import OrganisationStatusChange from '#members/models/organisation_status_change'
import {
  holdsName,
  nameKey,
  type MembershipStatus,
  type OrganisationType,
} from '#members/membership'
import { searchText } from '#shared/search_text'

export default class Organisation extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: string

  @column({ serializeAs: null })
  declare nameKey: string

  @column({ serializeAs: null })
  declare currentNameKey: string | null

  /** Name and city folded for search (#shared/search_text). */
  @column({ serializeAs: null })
  declare searchText: string

  @column()
  declare type: OrganisationType

  @column()
  declare legalForm: string | null

  @column()
  declare cvr: string | null

  @column()
  declare ean: string | null

  @column()
  declare address: string | null

  @column()
  declare postcode: string | null

  @column()
  declare city: string | null

  @column()
  declare website: string | null

  @column()
  declare tierId: number | null

  @column()
  declare status: MembershipStatus

  @column.date()
  declare joinedOn: DateTime | null

  @column.date()
  declare leftOn: DateTime | null

  @column()
  declare notes: string | null

  /** The buyer's order number or person reference, printed on invoices and e-invoices. */
  @column()
  declare invoiceReference: string | null

  @column.dateTime()
  declare changedByMemberAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Tier)
  declare tier: BelongsTo<typeof Tier>

  @hasMany(() => Contact)
  declare contacts: HasMany<typeof Contact>

  @hasMany(() => OrganisationStatusChange)
  declare statusChanges: HasMany<typeof OrganisationStatusChange>

  /** The keys follow the name and status, so uniqueness is the database's job. */
  @beforeSave()
  static foldName(organisation: Organisation) {
    organisation.nameKey = nameKey(organisation.name)
    organisation.currentNameKey = holdsName(organisation.status) ? organisation.nameKey : null
    organisation.searchText = organisationSearchText(organisation)
  }
}

/** What the register's search box looks in, besides CVR and the contacts: written by every path that saves a name or city. */
export function organisationSearchText(fields: { name: string; city: string | null }) {
  return searchText(fields.name, fields.city)
}
