import type { HttpContext } from '@adonisjs/core/http'
import { forwardValidator, subscribeValidator } from '#newsletters/validators/newsletters'
import { RequestSubscription } from '#newsletters/actions/request_subscription'
import { listChoiceValidator, offeredLists } from '#newsletters/sharing/offered_lists'
import { shareUrlFor, webVersionUrl } from '#newsletters/reader_links'
import { ownPath } from '#shared/absolute_url'
import { firstName } from '#newsletters/sharing/share_page'
import { shareButtons } from '#newsletters/sharing/share_buttons'
import type NewsletterTestCopy from '#newsletters/models/newsletter_test_copy'
import { requestOrigin } from '#audit/request_actor'

/**
 * A test copy's share page: what a reader's share link shows, marked as a
 * test. Its views are not counted, so the issue's statistics hold only what
 * readers did. Its subscribe form works (a sign-up is a person's own
 * consent) but credits nobody. Its forward form sends nothing: the copy is
 * usually of a draft that may still change, and a colleague outside the
 * secretariat must not get a draft; the secretary is told what a reader's
 * forward would have done.
 */
export class TestSharePages {
  async show({ params, view }: HttpContext, copy: NewsletterTestCopy) {
    const token: string = params.token
    const url = shareUrlFor(token)
    return view.render('newsletters/share', {
      token,
      testCopy: true,
      issue: copy.issue,
      sharer: firstName(copy.subscriber.name),
      offers: await offeredLists(copy.issue),
      webUrl: ownPath(webVersionUrl(copy.issueId)),
      links: shareButtons(url, copy.issue.subject),
    })
  }

  async subscribe(
    { params, request, response, session, i18n }: HttpContext,
    copy: NewsletterTestCopy
  ) {
    const input = await request.validateUsing(subscribeValidator)
    const { list_id: listId } = await request.validateUsing(listChoiceValidator)
    const offers = await offeredLists(copy.issue)
    if (!offers.some((offer) => offer.list.id === listId)) return response.notFound()
    await new RequestSubscription().handle({
      listId,
      email: input.email,
      name: input.name ?? null,
      source: 'share',
      ...requestOrigin(request),
      referredById: null,
    })
    session.flash('success', i18n.t('newsletters.subscribe.check_mail'))
    return response.redirect().toRoute('share.show', { token: params.token })
  }

  async showForward({ params, view, i18n }: HttpContext, copy: NewsletterTestCopy) {
    return view.render('newsletters/forward', {
      token: params.token,
      testCopy: true,
      issue: copy.issue,
      defaultNote: i18n.t('newsletters.forward.default_note', {
        name: firstName(copy.subscriber.name) ?? '',
      }),
    })
  }

  async forward(
    { params, request, response, session, i18n }: HttpContext,
    _copy: NewsletterTestCopy
  ) {
    const input = await request.validateUsing(forwardValidator)
    session.flash('error', i18n.t('newsletter_test_copy.forward_not_sent', { email: input.email }))
    return response.redirect().toRoute('share.show_forward', { token: params.token })
  }
}
