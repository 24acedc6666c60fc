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
import { showRefusedInput } from '#shared/refused_input'

const FILTER_KEYS = ['actor', 'module', 'organisation', 'from', 'to'] as const

/** The filters of the query string; a filter that does not parse (a hand-edited URL) is an error shown, not a crash. */
async function readFilters(query: Record<string, unknown>, i18n: HttpContext['i18n']) {
  const [error, valid] = await auditFiltersValidator.tryValidate(query, {
    messagesProvider: i18n.createMessagesProvider(),
  })
  const filters = valid ?? {}
  const parsed: AuditFilters = {
    actor: filters.actor,
    module: filters.module,
    organisationId: filters.organisation,
    from: filters.from ? DateTime.fromJSDate(filters.from) : null,
    to: filters.to ? DateTime.fromJSDate(filters.to) : null,
    page: filters.page,
  }
  return { parsed, errors: error?.messages ?? null, shown: knownFilters(query, FILTER_KEYS) }
}

export default class AuditEventsController {
  async index({ request, view, bouncer, i18n }: HttpContext) {
    await bouncer.with(AuditPolicy).authorize('view')
    const { parsed, errors, shown } = await readFilters(request.qs(), i18n)
    // Shown by each filter and in the summary at the top, as a refused form is.
    if (errors) showRefusedInput(view, shown, errors)
    const events = await listAuditEvents(parsed)
    events.baseUrl('/audit').queryString(shown)
    return view.render('audit/index', {
      events,
      filters: shown,
      filterError: Boolean(errors),
      actors: await listAuditActors(),
      organisations: await listAuditOrganisations(),
      modules: AUDIT_MODULES,
      exportLimit: AUDIT_EXPORT_LIMIT,
      section: 'audit',
    })
  }

  async export({ request, response, bouncer, i18n }: HttpContext) {
    await bouncer.with(AuditPolicy).authorize('view')
    const { parsed, errors } = await readFilters(request.qs(), i18n)
    // An export of everything when someone asked for a filtered one would mislead: refuse instead.
    if (errors) return response.badRequest(i18n.t('validation.summary'))
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
