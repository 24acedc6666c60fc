import { type DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import AuditEvent from '#audit/models/audit_event'
import { sqlTimestamp } from '#shared/sql_time'
import { DANISH_ZONE } from '#shared/danish_time'

export type AuditFilters = {
  actor?: string | null
  module?: string | null
  /** Events about the organisation itself or one of its invoices. */
  organisationId?: number | null
  from?: DateTime | null
  to?: DateTime | null
  subjectType?: string | null
  subjectId?: string | null
  page?: number
  perPage?: number
}

/** Newest first; the dates are whole days in Danish time. */
export async function listAuditEvents(filters: AuditFilters) {
  const { query } = await filteredAuditEvents(filters)
  return query.paginate(filters.page ?? 1, filters.perPage ?? 50)
}

/** The same events unpaged, for the export: at most `limit`, newest first. */
export async function allAuditEvents(filters: AuditFilters, limit: number) {
  const { query } = await filteredAuditEvents(filters)
  return query.limit(limit)
}

/** Wrapped: a query builder is a thenable, so an async function returning it would run it. */
async function filteredAuditEvents(filters: AuditFilters) {
  const query = AuditEvent.query().orderBy('created_at', 'desc').orderBy('id', 'desc')
  if (filters.organisationId) await aboutOrganisation(query, filters.organisationId)
  if (filters.actor) query.where('actor_label', filters.actor)
  if (filters.module) query.where('module', filters.module)
  if (filters.subjectType) query.where('subject_type', filters.subjectType)
  if (filters.subjectId) query.where('subject_id', filters.subjectId)
  if (filters.from) query.where('created_at', '>=', startOfDanishDay(filters.from))
  if (filters.to) query.where('created_at', '<', startOfDanishDay(filters.to.plus({ days: 1 })))
  return { query }
}

/**
 * Subject ids are text (they name rows of many tables), so the invoice ids are
 * read first rather than compared across types in SQL, which the two dialects
 * do differently.
 */
async function aboutOrganisation(
  query: ModelQueryBuilderContract<typeof AuditEvent>,
  organisationId: number
) {
  const invoices = await db.from('invoices').where('organisation_id', organisationId).select('id')
  const invoiceIds = invoices.map((row) => String(row.id))
  query.where((scope) => {
    scope.where((own) =>
      own.where('subject_type', 'organisation').where('subject_id', String(organisationId))
    )
    if (invoiceIds.length) {
      scope.orWhere((bills) =>
        bills.where('subject_type', 'invoice').whereIn('subject_id', invoiceIds)
      )
    }
  })
}

/** The organisations for the filter's list, by name. */
export async function listAuditOrganisations() {
  const rows = await db.from('organisations').select('id', 'name').orderBy('name')
  return rows.map((row) => ({ id: Number(row.id), name: String(row.name) }))
}

/** The people who appear in the log, for the filter's list. */
export async function listAuditActors() {
  const rows = await AuditEvent.query().distinct('actor_label').orderBy('actor_label')
  return rows.map((row) => row.actorLabel)
}

function startOfDanishDay(date: DateTime) {
  return sqlTimestamp(date.setZone(DANISH_ZONE, { keepLocalTime: true }).startOf('day').toUTC())
}
