import type { HttpContext } from '@adonisjs/core/http'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterPolicy from '#newsletters/policies/newsletter_policy'
import { sendIssueValidator } from '#newsletters/validators/newsletters'
import { LARGE_SEND } from '#newsletters/actions/start_issue_send'
import {
  countRecipients,
  pageOfRecipients,
  recipientFingerprint,
  recipientsPerList,
} from '#newsletters/sending/recipients'
import { reviewIssue } from '#newsletters/checks/review_issue'
import { describeChecks } from '#newsletters/checks/messages'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { associationSender } from '#shared/mail/sender'
import db from '@adonisjs/lucid/services/db'
import { requestedSendMoment } from '#newsletters/sending/send_moment'

/**
 * The page between "Send" and sending: how many get the issue, from which
 * lists, from whom, when, and what the checks found, with the readers to
 * look through. Its form carries a digest of exactly those readers.
 */
export default class SendConfirmationController {
  async show({ params, request, response, view, bouncer, session, i18n }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const input = await request.validateUsing(sendIssueValidator)
    const issue = await NewsletterIssue.query()
      .where('id', params.id)
      .preload('lists')
      .firstOrFail()
    // The back button to a send already started lands on its progress, not on a second send.
    if (issue.status !== 'draft') {
      session.flash('error', i18n.t('confirmations_nl.send.already'))
      return response.redirect().toRoute('issue_sending.show', { id: issue.id })
    }
    const at = requestedSendMoment(input)
    if (at === 'past') {
      session.flash('error', i18n.t('newsletters.sending.in_the_past'))
      return response.redirect().toRoute('issue_sending.show', { id: issue.id })
    }
    const settings = await getAssociationSettings()
    const review = await reviewIssue(issue, settings)
    const recipients = await countRecipients(issue.id)
    return view.render('newsletters/send_confirmation', {
      issue,
      at,
      rate: input.rate ?? null,
      send: { when: input.when, send_at: input.send_at ?? '', rate: input.rate ?? '' },
      recipients,
      perList: await recipientsPerList(issue.id),
      fingerprint: await recipientFingerprint(db.connection(), issue.id),
      large: recipients >= LARGE_SEND,
      from: associationSender(settings),
      blocked: !review.html || review.blocking > 0,
      checks: describeChecks(review.checks, i18n),
      problems: review.problems,
    })
  }

  /** The readers the issue would go to now, a page at a time. */
  async recipients({ params, request, view, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('view')
    const issue = await NewsletterIssue.findOrFail(params.id)
    const page = Math.max(1, Number.parseInt(String(request.input('page', '1')), 10) || 1)
    return view.render('newsletters/send_recipients', {
      issue,
      recipients: await pageOfRecipients(issue.id, page),
      // Back to the confirmation with the choices made there, read as the page reads them.
      back: {
        when: request.input('when') === 'later' ? 'later' : 'now',
        ...(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(String(request.input('send_at') ?? ''))
          ? { send_at: String(request.input('send_at')) }
          : {}),
      },
    })
  }
}
