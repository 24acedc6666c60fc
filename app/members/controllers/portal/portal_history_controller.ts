import type { HttpContext } from '@adonisjs/core/http'
import type Contact from '#members/models/contact'
import { listOrganisationHistory } from '#members/queries/organisation_history'

/** The organisation's own change log: what happened to it and its invoices, and by whom. */
export default class PortalHistoryController {
  async index({ request, view, auth }: HttpContext) {
    const me = auth.use('member').getUserOrFail() as Contact
    const page = Math.max(1, Math.floor(Number(request.input('page', 1))) || 1)
    const events = await listOrganisationHistory(me.organisationId, page)
    events.baseUrl('/medlem/historik')
    return view.render('portal/history', { me, organisation: me.organisation, events })
  }
}
