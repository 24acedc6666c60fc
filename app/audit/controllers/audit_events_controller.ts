import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import { knownFilters } from '#shared/query_filters'
import AuditPolicy from '#audit/policies/audit_policy'
import { auditFiltersValidator } from '#audit/validators/audit_filters'
import { listAuditActors, listAuditEvents } from '#audit/queries/list_audit_events'
import { AUDIT_MODULES } from '#audit/modules'

export default class AuditEventsController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with(AuditPolicy).authorize('view')
    // A filter that does not parse (a hand-edited URL) is shown as an error, not a crash.
    const [error, valid] = await auditFiltersValidator.tryValidate(request.qs())
    const shownFilters = knownFilters(request.qs(), ['actor', 'module', 'from', 'to'] as const)
    const filters = valid ?? {}
    const events = await listAuditEvents({
      actor: filters.actor,
      module: filters.module,
      from: filters.from ? DateTime.fromJSDate(filters.from) : null,
      to: filters.to ? DateTime.fromJSDate(filters.to) : null,
      page: filters.page,
    })
    events.baseUrl('/audit').queryString(shownFilters)
    return view.render('audit/index', {
      events,
      filters: shownFilters,
      filterError: Boolean(error),
      actors: await listAuditActors(),
      modules: AUDIT_MODULES,
      section: 'audit',
    })
  }
}
