import type { HttpContext } from '@adonisjs/core/http'
import { findSharedCopy, sharerFirstName } from '#newsletters/sharing/shared_copy'
import { forwardValidator, subscribeValidator } from '#newsletters/validators/newsletters'
import { RecordShareView } from '#newsletters/actions/record_share_view'
import { SubscribeThroughShare } from '#newsletters/actions/subscribe_through_share'
import { ForwardIssue } from '#newsletters/actions/forward_issue'
import { listChoiceValidator, offeredLists } from '#newsletters/sharing/offered_lists'
import { shareUrlFor, webVersionUrl } from '#newsletters/reader_links'
import { ownPath } from '#shared/absolute_url'
import {
  findSharedCopyHead,
  sharePage,
  type SharePageRender,
} from '#newsletters/sharing/share_page'
import { findTestCopy } from '#newsletters/sharing/test_copy'
import { shareButtons } from '#newsletters/sharing/share_buttons'
import { TestSharePages } from '#newsletters/controllers/test_share_pages'
import type NewsletterTestCopy from '#newsletters/models/newsletter_test_copy'
import { requestOrigin } from '#audit/request_actor'

/**
 * /del/:token — a reader's share link: the issue, a subscribe form that
 * credits the reader, share buttons, and the forward page. A token signed
 * for a test copy opens that copy's page instead (see TestSharePages).
 */
export default class ShareController {
  async show(ctx: HttpContext) {
    const { params, view, response, session } = ctx
    const copy = await findSharedCopyHead(params.token)
    if (!copy) {
      const testCopy = await findTestCopy(params.token)
      return testCopy ? new TestSharePages().show(ctx, testCopy) : response.notFound()
    }
    await new RecordShareView().handle(copy)
    const render: SharePageRender = async (token, sharer) => {
      const delivery = await findSharedCopy(params.token)
      if (!delivery) throw new Error(`share copy ${copy.id} vanished`)
      const url = shareUrlFor(token)
      return view.render('newsletters/share', {
        token,
        issue: delivery.issue,
        sharer,
        offers: await offeredLists(delivery.issue),
        webUrl: ownPath(webVersionUrl(delivery.issueId)),
        links: shareButtons(url, delivery.issue.subject),
      })
    }
    // A page with messages or a form to refill (after subscribing) is one of a kind.
    if (Object.keys(session.flashMessages.all()).length) {
      return render(params.token, copy.sharer)
    }
    return sharePage(ctx, copy, params.token, render)
  }

  async subscribe(ctx: HttpContext) {
    const { params, request, response, session, i18n } = ctx
    const delivery = await findSharedCopy(params.token)
    if (!delivery) return this.testCopyOr(ctx, (pages, copy) => pages.subscribe(ctx, copy))
    const input = await request.validateUsing(subscribeValidator)
    const { list_id: listId } = await request.validateUsing(listChoiceValidator)
    const offers = await offeredLists(delivery.issue)
    if (!offers.some((offer) => offer.list.id === listId)) return response.notFound()
    await new SubscribeThroughShare().handle({
      delivery,
      listId,
      email: input.email,
      name: input.name ?? null,
      ...requestOrigin(request),
    })
    // The same words whatever happened, so the form reveals no one's subscriptions.
    session.flash('success', i18n.t('newsletters.subscribe.check_mail'))
    return response.redirect().toRoute('share.show', { token: params.token })
  }

  async showForward(ctx: HttpContext) {
    const { params, view, i18n } = ctx
    const delivery = await findSharedCopy(params.token)
    if (!delivery) return this.testCopyOr(ctx, (pages, copy) => pages.showForward(ctx, copy))
    return view.render('newsletters/forward', {
      token: params.token,
      issue: delivery.issue,
      defaultNote: i18n.t('newsletters.forward.default_note', {
        name: sharerFirstName(delivery) ?? '',
      }),
    })
  }

  async forward(ctx: HttpContext) {
    const { params, request, response, session, i18n } = ctx
    const delivery = await findSharedCopy(params.token)
    if (!delivery) return this.testCopyOr(ctx, (pages, copy) => pages.forward(ctx, copy))
    const input = await request.validateUsing(forwardValidator)
    const result = await new ForwardIssue().handle({
      delivery,
      email: input.email,
      note: input.note ?? null,
    })
    session.flash(
      result.status === 'queued' ? 'success' : 'error',
      i18n.t(`newsletters.forward.${result.status}`, { email: input.email })
    )
    return response.redirect().toRoute('share.show_forward', { token: params.token })
  }

  /** A token that is no reader's may be a test copy's; anything else is not found. */
  protected async testCopyOr(
    ctx: HttpContext,
    handle: (pages: TestSharePages, copy: NewsletterTestCopy) => Promise<unknown>
  ) {
    const copy = await findTestCopy(ctx.params.token)
    return copy ? handle(new TestSharePages(), copy) : ctx.response.notFound()
  }
}
