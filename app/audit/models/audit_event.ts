import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { I18n } from '@adonisjs/i18n'
import type { Actor } from '#audit/actor'
import { auditChanges, auditSentence, auditSubjectPage } from '#audit/present_audit_event'

export type AuditChanges = Record<string, { from: unknown; to: unknown }>
export type AuditDetails = Record<string, string | number>

// Stored as text on both dialects: JSON columns differ between SQLite and MariaDB.
export function storedDetails(value: AuditDetails | null | undefined) {
  return Object.keys(value ?? {}).length ? JSON.stringify(value) : null
}

export function storedChanges(value: AuditChanges | null | undefined) {
  return value ? JSON.stringify(value) : null
}

export default class AuditEvent extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare actorType: Actor['type']

  @column()
  declare actorId: number | null

  @column()
  declare actorLabel: string

  @column()
  declare module: string

  @column()
  declare action: string

  @column()
  declare subjectType: string | null

  @column()
  declare subjectId: string | null

  @column({
    prepare: storedDetails,
    consume: (value: string | null) => (value ? (JSON.parse(value) as AuditDetails) : {}),
  })
  declare details: AuditDetails

  @column({
    prepare: storedChanges,
    consume: (value: string | null) => (value ? (JSON.parse(value) as AuditChanges) : null),
  })
  declare changes: AuditChanges | null

  @column()
  declare ip: string | null

  /** The browser the change was made in, when it came over the web. */
  @column()
  declare userAgent: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  /** The event as a sentence in the reader's language, its values formatted as the UI shows them. */
  sentence(i18n: I18n) {
    return auditSentence(this, i18n)
  }

  /** The changed fields by their labels, old and new value formatted. */
  shownChanges(i18n: I18n) {
    return auditChanges(this, i18n)
  }

  /** The page of what the event is about (an organisation, invoice or assembly), if it has one. */
  subjectPage() {
    return auditSubjectPage(this)
  }
}
