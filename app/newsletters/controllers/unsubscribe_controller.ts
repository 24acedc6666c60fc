import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import Subscriber from '#newsletters/models/subscriber'
import { Unsubscribe } from '#newsletters/actions/unsubscribe'
import { verifyReaderToken } from '#newsletters/reader_links'
import { requestOrigin } from '#audit/request_actor'

const preferencesValidator = vine.create({
  lists: vine.array(vine.number().withoutDecimals()).optional(),
})

/** /u/:token — the unsubscribe link in every newsletter. */
export default class UnsubscribeController {
  /** The page behind the footer link: leave everything, or keep some lists. */
  async show({ params, view, response }: HttpContext) {
    const subscriberId = verifyReaderToken('unsubscribe', params.token)
    const subscriber = subscriberId
      ? await Subscriber.query()
          .where('id', subscriberId)
          .whereNull('erased_at')
          .preload('subscriptions', (s) => s.preload('list'))
          .first()
      : null
    if (!subscriber) return response.notFound()
    return view.render('newsletters/unsubscribe', { subscriber, token: params.token })
  }

  /**
   * RFC 8058 one-click: mail programs POST here with no login, no page and no
   * CSRF token, and the reader is unsubscribed from everything.
   */
  async oneClick({ params, request, response, i18n }: HttpContext) {
    const subscriberId = verifyReaderToken('unsubscribe', params.token)
    if (!subscriberId) return response.notFound()
    const result = await new Unsubscribe().handle({
      subscriberId,
      ...requestOrigin(request),
      via: 'one-click unsubscribe',
    })
    if (result.status === 'not_found') return response.notFound()
    return response.type('text/plain').send(i18n.t('newsletters.unsubscribe.done'))
  }

  async preferences({ params, request, view, response }: HttpContext) {
    const subscriberId = verifyReaderToken('unsubscribe', params.token)
    if (!subscriberId) return response.notFound()
    const { lists } = await request.validateUsing(preferencesValidator)
    const result = await new Unsubscribe().handle({
      subscriberId,
      keepListIds: lists ?? [],
      ...requestOrigin(request),
      via: 'newsletter preferences page',
    })
    if (result.status === 'not_found') return response.notFound()
    return view.render('newsletters/unsubscribed', { keptAny: Boolean(lists?.length) })
  }
}
