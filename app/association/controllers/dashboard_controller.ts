import type { HttpContext } from '@adonisjs/core/http'
import StaffPolicy from '#identity/policies/staff_policy'
import AuditPolicy from '#audit/policies/audit_policy'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { listAuditEvents } from '#audit/queries/list_audit_events'
import MemberPolicy from '#members/policies/member_policy'
import { countMembers } from '#members/queries/count_members'

export default class DashboardController {
  async show({ view, bouncer }: HttpContext) {
    await bouncer.with(StaffPolicy).authorize('viewDashboard')
    const settings = await getAssociationSettings()
    const recent = (await bouncer.with(AuditPolicy).allows('view'))
      ? await listAuditEvents({ perPage: 8 })
      : null
    const members = (await bouncer.with(MemberPolicy).allows('view')) ? await countMembers() : null
    return view.render('association/dashboard', { settings, recent, members, section: 'dashboard' })
  }
}
