import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import { knownFilters } from '#shared/query_filters'
import { danishIsoToday } from '#shared/danish_time'
import AuditPolicy from '#audit/policies/audit_policy'
import { auditFiltersValidator } from '#audit/validators/audit_filters'
import {
  listAuditActors,
  listAuditEvents,
  listAuditOrganisations,
  type AuditFilters,
} from '#audit/queries/list_audit_events'
import { AUDIT_EXPORT_LIMIT, exportAuditEvents } from '#audit/queries/export_audit_events'
import { AUDIT_MODULES } from '#audit/modules'

const FILTER_KEYS = ['actor', 'module', 'organisation', 'from', 'to'] as const

/** The filters of the query string; a filter that does not parse (a hand-edited URL) is an error shown, not a crash. */
async function readFilters(query: Record<string, unknown>) {
  const [error, valid] = await auditFiltersValidator.tryValidate(query)
  const filters = valid ?? {}
  const parsed: AuditFilters = {
    actor: filters.actor,
    module: filters.module,
    organisationId: filters.organisation,
    from: filters.from ? DateTime.fromJSDate(filters.from) : null,
    to: filters.to ? DateTime.fromJSDate(filters.to) : null,
    page: filters.page,
  }
  return { parsed, error: Boolean(error), shown: knownFilters(query, FILTER_KEYS) }
}

export default class AuditEventsController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with(AuditPolicy).authorize('view')
    const { parsed, error, shown } = await readFilters(request.qs())
    const events = await listAuditEvents(parsed)
    events.baseUrl('/audit').queryString(shown)
    return view.render('audit/index', {
      events,
      filters: shown,
      filterError: error,
      actors: await listAuditActors(),
      organisations: await listAuditOrganisations(),
      modules: AUDIT_MODULES,
      exportLimit: AUDIT_EXPORT_LIMIT,
      section: 'audit',
    })
  }

  async export({ request, response, bouncer, i18n }: HttpContext) {
    await bouncer.with(AuditPolicy).authorize('view')
    const { parsed, error } = await readFilters(request.qs())
    // An export of everything when someone asked for a filtered one would mislead: refuse instead.
    if (error) return response.badRequest(i18n.t('validation.summary'))
    const format = request.qs().format === 'xlsx' ? 'xlsx' : 'csv'
    const file = await exportAuditEvents({ ...parsed, page: undefined }, format, i18n)
    response.header(
      'content-type',
      format === 'xlsx'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8'
    )
    response.header(
      'content-disposition',
      `attachment; filename="log-${danishIsoToday()}.${format}"`
    )
    return response.send(file)
  }
}
