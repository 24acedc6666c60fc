import type { HttpContext } from '@adonisjs/core/http'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterPolicy from '#newsletters/policies/newsletter_policy'
import { presenceValidator } from '#newsletters/validators/composer'
import { recordPresence } from '#newsletters/actions/record_presence'
import { otherEditorsOf } from '#newsletters/queries/issue_presence'
import { presenceAnswer } from '#newsletters/controllers/composer_answers'

/**
 * The composer's heartbeat: who else has the issue open. It warns two
 * editors of each other; refusing a save over another's version (stale)
 * remains what keeps their work apart.
 */
export default class IssuePresenceController {
  async store({ params, request, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const { leaving } = await request.validateUsing(presenceValidator)
    const issue = await NewsletterIssue.findOrFail(params.id)
    const user = auth.use('web').getUserOrFail()
    await recordPresence(issue.id, user.id, leaving ?? false)
    return presenceAnswer(leaving ? [] : await otherEditorsOf(issue.id, user.id), i18n)
  }
}
