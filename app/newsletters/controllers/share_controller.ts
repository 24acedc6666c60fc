import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { findSharedCopy, sharerFirstName } from '#newsletters/sharing/shared_copy'
import { forwardValidator, subscribeValidator } from '#newsletters/validators/newsletters'
import { RecordShareView } from '#newsletters/actions/record_share_view'
import { SubscribeThroughShare } from '#newsletters/actions/subscribe_through_share'
import { ForwardIssue } from '#newsletters/actions/forward_issue'
import { currentConsentText } from '#newsletters/queries/current_consent_text'
import { shareUrlFor, webVersionUrl } from '#newsletters/reader_links'
import {
  findSharedCopyHead,
  sharePage,
  type SharePageRender,
} from '#newsletters/sharing/share_page'
import type NewsletterDelivery from '#newsletters/models/newsletter_delivery'

const listChoiceValidator = vine.create({ list_id: vine.number().withoutDecimals() })

/** The lists a share page offers: the issue's public ones, each with the consent text to accept. */
async function offeredLists(delivery: NewsletterDelivery) {
  const lists = delivery.issue.lists.filter((list) => list.isPublic)
  const offers = []
  for (const list of lists) {
    const consent = await currentConsentText(list.id)
    if (consent) offers.push({ list, consent })
  }
  return offers
}

/**
 * /del/:token — a reader's share link: the issue, a subscribe form that
 * credits the reader, share buttons, and the forward page.
 */
export default class ShareController {
  async show(ctx: HttpContext) {
    const { params, view, response, session } = ctx
    const copy = await findSharedCopyHead(params.token)
    if (!copy) return response.notFound()
    await new RecordShareView().handle(copy)
    const render: SharePageRender = async (token, sharer) => {
      const delivery = await findSharedCopy(params.token)
      if (!delivery) throw new Error(`share copy ${copy.id} vanished`)
      const url = shareUrlFor(token)
      return view.render('newsletters/share', {
        token,
        issue: delivery.issue,
        sharer,
        offers: await offeredLists(delivery),
        webUrl: webVersionUrl(delivery.issueId),
        links: {
          linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}`,
          facebook: `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`,
          email: `mailto:?subject=${encodeURIComponent(delivery.issue.subject)}&body=${encodeURIComponent(url)}`,
        },
      })
    }
    // A page with messages or a form to refill (after subscribing) is one of a kind.
    if (Object.keys(session.flashMessages.all()).length) {
      return render(params.token, copy.sharer)
    }
    return sharePage(ctx, copy, params.token, render)
  }

  async subscribe({ params, request, response, session, i18n }: HttpContext) {
    const delivery = await findSharedCopy(params.token)
    if (!delivery) return response.notFound()
    const input = await request.validateUsing(subscribeValidator)
    const { list_id: listId } = await request.validateUsing(listChoiceValidator)
    const offers = await offeredLists(delivery)
    if (!offers.some((offer) => offer.list.id === listId)) return response.notFound()
    await new SubscribeThroughShare().handle({
      delivery,
      listId,
      email: input.email,
      name: input.name ?? null,
      ip: request.ip(),
    })
    // The same words whatever happened, so the form reveals no one's subscriptions.
    session.flash('success', i18n.t('newsletters.subscribe.check_mail'))
    return response.redirect().toRoute('share.show', { token: params.token })
  }

  async showForward({ params, view, response, i18n }: HttpContext) {
    const delivery = await findSharedCopy(params.token)
    if (!delivery) return response.notFound()
    return view.render('newsletters/forward', {
      token: params.token,
      issue: delivery.issue,
      defaultNote: i18n.t('newsletters.forward.default_note', {
        name: sharerFirstName(delivery) ?? '',
      }),
    })
  }

  async forward({ params, request, response, session, i18n }: HttpContext) {
    const delivery = await findSharedCopy(params.token)
    if (!delivery) return response.notFound()
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
}
