import { DateTime } from 'luxon'
import { BaseModel, beforeSave, column, hasMany } from '@adonisjs/lucid/orm'
import { longSearchText, textsIn } from '#shared/search_text'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import MinutesSignature from '#assemblies/models/minutes_signature'
import type { MinutesDocument } from '#assemblies/documents/assembly_documents'

export type MinutesContent = Omit<MinutesDocument, 'signatures' | 'version' | 'seal'>
export type MinutesStatus = 'draft' | 'signed' | 'superseded'

/**
 * One version of the referat. Signed by both, it is locked; a change after
 * the first signature, or a correction, is a new version signed anew, and
 * the version it replaces stays as it was, marked superseded or signed.
 */
export default class Minutes extends BaseModel {
  static table = 'minutes'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare assemblyId: number

  @column()
  declare version: number

  @column({
    prepare: (value: MinutesContent) => JSON.stringify(value),
    consume: (value: string | MinutesContent) =>
      typeof value === 'string' ? (JSON.parse(value) as MinutesContent) : value,
  })
  declare content: MinutesContent

  /** Every text of the content folded for search (#shared/search_text). */
  @column({ serializeAs: null })
  declare searchText: string | null

  @column()
  declare status: MinutesStatus

  /** SHA-256 of this version's signed text (see rules/minutes_digest). */
  @column()
  declare contentHash: string | null

  @column()
  declare createdBy: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime()
  declare lockedAt: DateTime | null

  @hasMany(() => MinutesSignature)
  declare signatures: HasMany<typeof MinutesSignature>

  @beforeSave()
  static foldForSearch(minutes: Minutes) {
    minutes.searchText = longSearchText(...textsIn(minutes.content))
  }
}
