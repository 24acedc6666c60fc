import type { HttpContext } from '@adonisjs/core/http'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterPolicy from '#newsletters/policies/newsletter_policy'
import { confirmedSendValidator } from '#newsletters/validators/confirmations'
import { StartIssueSend } from '#newsletters/actions/start_issue_send'
import { PauseIssueSend } from '#newsletters/actions/pause_issue_send'
import { ResumeIssueSend } from '#newsletters/actions/resume_issue_send'
import { CancelIssueSend } from '#newsletters/actions/cancel_issue_send'
import {
  getFailedDeliveries,
  getIssueMailEvents,
  getIssueProgress,
} from '#newsletters/queries/issue_progress'
import { getDailyShares, getShareTotals, getTopSharers } from '#newsletters/queries/share_stats'
import { CHART, shareChartBars } from '#newsletters/queries/share_chart'
import { countRecipients } from '#newsletters/sending/recipients'
import { webVersionUrl } from '#newsletters/reader_links'
import type { Actor } from '#audit/actor'
import { staffActor } from '#audit/request_actor'
import { displayLocale, formatDateTime } from '#shared/formatting'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { reviewIssue } from '#newsletters/checks/review_issue'
import { describeChecks } from '#newsletters/checks/messages'
import { previewCopy } from '#newsletters/compose/sample_reader'
import { danishNow } from '#shared/danish_time'
import { requestedSendMoment } from '#newsletters/sending/send_moment'

/** Times typed into the form are the association's local time. */

/** An issue's own page: sending, its progress, and what readers' shares led to. */
export default class IssueSendingController {
  async show({ params, view, bouncer, i18n }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('view')
    const issue = await NewsletterIssue.query()
      .where('id', params.id)
      .preload('lists')
      .firstOrFail()
    const sentFrom = (issue.sendStartedAt ?? issue.createdAt).startOf('day')
    // Until it goes out, the page shows the checks that decide whether it may.
    const review =
      issue.status === 'draft' || issue.status === 'scheduled'
        ? await reviewIssue(issue, await getAssociationSettings())
        : null
    return view.render('newsletters/issue', {
      issue,
      review: review && { preview: review.html ? previewCopy(review.html) : null },
      checks: review ? describeChecks(review.checks, i18n) : [],
      problems: review?.problems ?? [],
      progress: await getIssueProgress(issue),
      recipients: issue.status === 'draft' ? await countRecipients(issue.id) : null,
      failures: await getFailedDeliveries(issue.id),
      mailEvents: await getIssueMailEvents(issue.id),
      shares: await getShareTotals({ issueId: issue.id }),
      chart: shareChartBars(await getDailyShares(issue.id, sentFrom), displayLocale(i18n)),
      chartSize: CHART,
      sharers: await getTopSharers({ issueId: issue.id }),
      webUrl: issue.compiledHtml ? webVersionUrl(issue.id) : null,
      defaultSendAt: danishNow().plus({ hours: 1 }).startOf('hour'),
    })
  }

  /** Polled by the progress bar while the issue sends. */
  async progress({ params, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('view')
    return getIssueProgress(await NewsletterIssue.findOrFail(params.id))
  }

  async send({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const input = await request.validateUsing(confirmedSendValidator)
    // Where a send that was not confirmed as it stands now is shown again.
    const confirmPage = () =>
      response
        .redirect()
        .toRoute(
          'send_confirmation.show',
          { id: params.id },
          { qs: { when: input.when, send_at: input.send_at, rate: input.rate ?? undefined } }
        )
    if (!input.fingerprint) {
      session.flash('error', i18n.t('confirmations_nl.send.missing'))
      return confirmPage()
    }
    const at = requestedSendMoment(input)
    if (at === 'past') {
      session.flash('error', i18n.t('newsletters.sending.in_the_past'))
      return response.redirect().toRoute('issue_sending.show', { id: params.id })
    }
    const result = await new StartIssueSend().handle(
      {
        issueId: Number(params.id),
        at,
        rate: input.rate ?? null,
        confirmation: { fingerprint: input.fingerprint, large: input.confirm_large === true },
      },
      staffActor({ auth, request })
    )
    if (result.status === 'started') {
      session.flash('success', i18n.t('newsletters.sending.started', { count: result.recipients }))
    } else if (result.status === 'scheduled') {
      session.flash(
        'success',
        i18n.t('newsletters.sending.scheduled', {
          at: formatDateTime(result.at, displayLocale(i18n)),
        })
      )
    } else if (result.status === 'recipients_changed') {
      session.flash(
        'warning',
        i18n.t('confirmations_nl.send.changed', {
          before: input.recipients ?? '?',
          count: result.recipients,
        })
      )
      return confirmPage()
    } else if (result.status === 'large_not_confirmed') {
      session.flash(
        'error',
        i18n.t('confirmations_nl.send.large_missing', { count: result.recipients })
      )
      return confirmPage()
    } else if (result.status === 'not_sendable' && (await alreadyUnderway(params.id))) {
      // A second click or a resubmitted form: the first one is sending it.
      session.flash('error', i18n.t('confirmations_nl.send.already'))
    } else if (result.status === 'has_problems') {
      session.flash('error', i18n.t('newsletters.checks.refused', { count: result.problems }))
    } else {
      session.flash('error', i18n.t(`newsletters.sending.${result.status}`))
    }
    return response.redirect().toRoute('issue_sending.show', { id: params.id })
  }

  async pause(ctx: HttpContext) {
    return this.control(ctx, new PauseIssueSend(), 'paused')
  }

  async resume(ctx: HttpContext) {
    return this.control(ctx, new ResumeIssueSend(), 'resumed')
  }

  async cancel(ctx: HttpContext) {
    return this.control(ctx, new CancelIssueSend(), 'cancelled')
  }

  protected async control(
    { params, request, response, session, auth, bouncer, i18n }: HttpContext,
    action: { handle(issueId: number, actor: Actor): Promise<boolean> },
    done: string
  ) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    await NewsletterIssue.findOrFail(params.id)
    const changed = await action.handle(Number(params.id), staffActor({ auth, request }))
    session.flash(
      changed ? 'success' : 'error',
      i18n.t(changed ? `newsletters.sending.${done}` : 'newsletters.sending.not_sendable')
    )
    return response.redirect().toRoute('issue_sending.show', { id: params.id })
  }
}

async function alreadyUnderway(issueId: number) {
  const issue = await NewsletterIssue.find(issueId)
  return issue !== null && ['sending', 'paused', 'sent', 'scheduled'].includes(issue.status)
}
