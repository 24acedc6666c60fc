import type { HttpContext } from '@adonisjs/core/http'
import Assembly from '#assemblies/models/assembly'
import AssemblyPolicy from '#assemblies/policies/assembly_policy'
import { listNoticeRecipients } from '#assemblies/queries/notice_recipients'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { noticeTiming } from '#assemblies/actions/send_notice'

/**
 * The page before the notice goes to every active member: to whom (and at
 * which addresses), whether it is late, whether it was sent before.
 */
export default class NoticeConfirmationController {
  async show({ params, view, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    const assembly = await Assembly.findOrFail(params.id)
    if (assembly.status !== 'planned' && assembly.status !== 'notice_sent') {
      session.flash('error', i18n.t('assemblies.notice.not_planned'))
      return response.redirect().toRoute('assemblies.show', { id: assembly.id })
    }
    const settings = await getAssociationSettings()
    const { daysLeft, late } = noticeTiming(assembly, settings.noticeDays)
    return view.render('assemblies/notice_confirmation', {
      assembly,
      members: await listNoticeRecipients(),
      late: late ? { daysLeft, required: settings.noticeDays } : null,
      seenSentAt: assembly.noticeSentAt?.toISO() ?? '',
    })
  }
}
