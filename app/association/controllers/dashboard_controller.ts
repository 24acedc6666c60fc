import type { HttpContext } from '@adonisjs/core/http'
import StaffPolicy from '#identity/policies/staff_policy'
import AuditPolicy from '#audit/policies/audit_policy'
import AssemblyPolicy from '#assemblies/policies/assembly_policy'
import DuesPolicy from '#dues/policies/dues_policy'
import NewsletterPolicy from '#newsletters/policies/newsletter_policy'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { listAuditEvents } from '#audit/queries/list_audit_events'
import MemberPolicy from '#members/policies/member_policy'
import { countMembers } from '#members/queries/count_members'
import { getBoardOverview } from '#assemblies/queries/board_overview'
import { getTreasurerOverview } from '#dues/queries/treasurer_overview'
import { paidPerMonthChart } from '#dues/paid_per_month_chart'
import { getSecretariatOverview } from '#newsletters/queries/secretariat_overview'
import { getAdminOverview } from '#identity/queries/admin_overview'
import { danishToday } from '#shared/danish_time'
import { displayLocale } from '#shared/formatting'

/**
 * The start page: one part per kind of work the person may do (the policies
 * that guard that work decide), so an admin sees every part.
 */
export default class DashboardController {
  async show({ view, bouncer, i18n }: HttpContext) {
    await bouncer.with(StaffPolicy).authorize('viewDashboard')
    const settings = await getAssociationSettings()
    const recent = (await bouncer.with(AuditPolicy).allows('view'))
      ? await listAuditEvents({ perPage: 8 })
      : null
    const members = (await bouncer.with(MemberPolicy).allows('view')) ? await countMembers() : null
    const board = (await bouncer.with(AssemblyPolicy).allows('manage'))
      ? await getBoardOverview()
      : null
    const treasurer = (await bouncer.with(DuesPolicy).allows('edit'))
      ? await getTreasurerOverview(danishToday())
      : null
    const chart = treasurer ? paidPerMonthChart(treasurer.paidPerMonth, displayLocale(i18n)) : null
    const secretariat = (await bouncer.with(NewsletterPolicy).allows('edit'))
      ? await getSecretariatOverview()
      : null
    const admin = (await bouncer.with(StaffPolicy).allows('manage'))
      ? await getAdminOverview()
      : null
    return view.render('association/dashboard', {
      settings,
      recent,
      members,
      parts: { board, treasurer, chart, secretariat, admin },
      section: 'dashboard',
    })
  }
}
