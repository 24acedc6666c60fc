import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AuditEvent, {
  storedChanges,
  storedDetails,
  type AuditChanges,
  type AuditDetails,
} from '#audit/models/audit_event'
import type { Actor } from '#audit/actor'
import { sqlTimestamp } from '#shared/sql_time'

export type AuditEntry = {
  module: string
  /** Also the key of the sentence shown in the log: audit.actions.<action>. */
  action: string
  details?: AuditDetails
  subject?: { type: string; id: string | number } | null
  changes?: AuditChanges | null
}

/**
 * Writes one audit event inside the caller's transaction, so the event exists
 * exactly when the change it describes does.
 */
export async function recordAuditEvent(
  trx: TransactionClientContract,
  actor: Actor,
  entry: AuditEntry
) {
  return AuditEvent.create(
    {
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      module: entry.module,
      action: entry.action,
      subjectType: entry.subject?.type ?? null,
      subjectId: entry.subject ? String(entry.subject.id) : null,
      details: entry.details ?? {},
      changes: entry.changes ?? null,
      ip: actor.ip ?? null,
      userAgent: actor.userAgent ?? null,
    },
    { client: trx }
  )
}

/**
 * Many events of one actor in one statement, inside the caller's
 * transaction: for bulk work such as an import of thousands of members.
 */
export async function recordAuditEvents(
  trx: TransactionClientContract,
  actor: Actor,
  entries: AuditEntry[]
) {
  if (!entries.length) return
  const createdAt = sqlTimestamp()
  await trx.table('audit_events').multiInsert(
    entries.map((entry) => ({
      actor_type: actor.type,
      actor_id: actor.id,
      actor_label: actor.label,
      module: entry.module,
      action: entry.action,
      subject_type: entry.subject?.type ?? null,
      subject_id: entry.subject ? String(entry.subject.id) : null,
      details: storedDetails(entry.details),
      changes: storedChanges(entry.changes),
      ip: actor.ip ?? null,
      user_agent: actor.userAgent ?? null,
      created_at: createdAt,
    }))
  )
}

/** The fields whose values differ, as { field: { from, to } }; null when nothing changed. */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  hidden: string[] = []
): AuditChanges | null {
  const changes: AuditChanges = {}
  for (const [key, to] of Object.entries(after)) {
    const from = before[key]
    if (normalise(from) === normalise(to)) continue
    changes[key] = hidden.includes(key)
      ? { from: '•••', to: '•••' }
      : { from: from ?? null, to: to ?? null }
  }
  return Object.keys(changes).length ? changes : null
}

function normalise(value: unknown) {
  if (value === undefined || value === null || value === '') return ''
  if (typeof value === 'object' && 'toISODate' in (value as object)) {
    return (value as { toISODate(): string }).toISODate()
  }
  return String(value)
}
