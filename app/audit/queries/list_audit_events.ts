import { type DateTime } from 'luxon'
import AuditEvent from '#audit/models/audit_event'
import { sqlTimestamp } from '#shared/sql_time'

export type AuditFilters = {
  actor?: string | null
  module?: string | null
  from?: DateTime | null
  to?: DateTime | null
  subjectType?: string | null
  subjectId?: string | null
  page?: number
  perPage?: number
}

/** Newest first; the dates are whole days in Danish time. */
export async function listAuditEvents(filters: AuditFilters) {
  const query = AuditEvent.query().orderBy('created_at', 'desc').orderBy('id', 'desc')
  if (filters.actor) query.where('actor_label', filters.actor)
  if (filters.module) query.where('module', filters.module)
  if (filters.subjectType) query.where('subject_type', filters.subjectType)
  if (filters.subjectId) query.where('subject_id', filters.subjectId)
  if (filters.from) query.where('created_at', '>=', startOfDanishDay(filters.from))
  if (filters.to) query.where('created_at', '<', startOfDanishDay(filters.to.plus({ days: 1 })))
  return query.paginate(filters.page ?? 1, filters.perPage ?? 50)
}

/** The people who appear in the log, for the filter's list. */
export async function listAuditActors() {
  const rows = await AuditEvent.query().distinct('actor_label').orderBy('actor_label')
  return rows.map((row) => row.actorLabel)
}

function startOfDanishDay(date: DateTime) {
  return sqlTimestamp(
    date.setZone('Europe/Copenhagen', { keepLocalTime: true }).startOf('day').toUTC()
  )
}
