import type { HttpContext } from '@adonisjs/core/http'
import NewsletterPolicy from '#newsletters/policies/newsletter_policy'
import { restoreVersionValidator } from '#newsletters/validators/composer'
import { RestoreIssueVersion } from '#newsletters/actions/restore_issue_version'
import { staffActor } from '#audit/request_actor'

/** An earlier version of a draft made current again, from the history on the edit page. */
export default class IssueVersionsController {
  async restore({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const { version } = await request.validateUsing(restoreVersionValidator)
    const result = await new RestoreIssueVersion().handle(
      Number(params.id),
      version,
      staffActor({ auth, request })
    )
    switch (result.status) {
      case 'restored':
        session.flash('success', i18n.t('newsletters.composer.restored'))
        break
      case 'not_a_draft':
        session.flash('error', i18n.t('newsletters.issues.not_a_draft'))
        break
      case 'unknown_version':
        session.flash('error', i18n.t('newsletters.composer.unknown_version'))
        break
    }
    return response.redirect().toRoute('issues.edit', { id: params.id })
  }
}
