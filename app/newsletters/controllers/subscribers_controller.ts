import type { HttpContext } from '@adonisjs/core/http'
import { knownFilters } from '#shared/query_filters'
import Subscriber from '#newsletters/models/subscriber'
import NewsletterList from '#newsletters/models/newsletter_list'
import NewsletterPolicy from '#newsletters/policies/newsletter_policy'
import {
  subscriberFiltersValidator,
  subscriberValidator,
} from '#newsletters/validators/newsletters'
import { listSubscribers } from '#newsletters/queries/list_subscribers'
import { EraseSubscriber, ExportSubscriberData } from '#newsletters/actions/subscriber_privacy'
import { staffActor } from '#audit/request_actor'
import { typedConfirmationValidator, typedMatches } from '#shared/validation/typed_confirmation'
import { UpdateSubscriber } from '#newsletters/actions/update_subscriber'
import { getShareHistory, getTopSharers } from '#newsletters/queries/share_stats'

const ERASE_WORD = 'SLET'

export default class SubscribersController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('view')
    const [, filters] = await subscriberFiltersValidator.tryValidate(request.qs())
    const shownFilters = knownFilters(request.qs(), ['q', 'list', 'status'] as const)
    const subscribers = await listSubscribers(
      { q: filters?.q, listId: filters?.list, status: filters?.status },
      filters?.page ?? 1
    )
    subscribers.baseUrl('/newsletters/subscribers').queryString(shownFilters)
    return view.render('newsletters/subscribers', {
      subscribers,
      filters: shownFilters,
      lists: await NewsletterList.query().orderBy('name'),
      sharers: await getTopSharers({}, 5),
    })
  }

  /** One reader and the evidence of each consent they gave. */
  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('view')
    const subscriber = await Subscriber.query()
      .where('id', params.id)
      .whereNull('erased_at')
      .preload('subscriptions', (subscriptions) =>
        subscriptions.preload('list').preload('consentText')
      )
      .preload('referredBy')
      .firstOrFail()
    const referred = await Subscriber.query()
      .where('referred_by_id', subscriber.id)
      .count('* as total')
      .first()
    return view.render('newsletters/subscriber', {
      subscriber,
      referredCount: Number(referred?.$extras.total ?? 0),
      shareHistory: await getShareHistory(subscriber.id),
    })
  }

  async edit({ params, view, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const subscriber = await Subscriber.query()
      .where('id', params.id)
      .whereNull('erased_at')
      .firstOrFail()
    return view.render('newsletters/subscriber_form', { subscriber })
  }

  async update({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const input = await request.validateUsing(subscriberValidator)
    const result = await new UpdateSubscriber().handle(
      Number(params.id),
      { email: input.email, name: input.name ?? null },
      staffActor({ auth, request })
    )
    if (result.status === 'not_found') return response.notFound()
    if (result.status === 'email_taken') {
      session.flash('inputErrorsBag', { email: [i18n.t('newsletters.subscribers.email_taken')] })
      session.flashAll()
      return response.redirect().toRoute('subscribers.edit', { id: params.id })
    }
    session.flash('success', i18n.t(`newsletters.subscribers.${result.status}`))
    return response.redirect().toRoute('subscribers.show', { id: params.id })
  }

  async exportData({ params, request, response, auth, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const result = await new ExportSubscriberData().handle(
      Number(params.id),
      staffActor({ auth, request })
    )
    if (result.status === 'not_found') return response.notFound()
    response.header('content-type', 'application/json; charset=utf-8')
    response.header('content-disposition', `attachment; filename="abonnent-${params.id}.json"`)
    return response.send(JSON.stringify(result.data, null, 2))
  }

  async erase({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    // Cannot be undone: only with the word typed on the erasure page.
    const { confirmation } = await request.validateUsing(typedConfirmationValidator)
    if (!typedMatches(confirmation, ERASE_WORD)) {
      session.flash('inputErrorsBag', {
        confirmation: [i18n.t('confirmations_nl.erasure.type_wrong')],
      })
      return response.redirect().toRoute('subscriber_erasure.show', { id: params.id })
    }
    const result = await new EraseSubscriber().handle(
      Number(params.id),
      staffActor({ auth, request })
    )
    if (result.status === 'not_found') return response.notFound()
    session.flash('success', i18n.t('newsletters.subscribers.erased'))
    return response.redirect().toPath('/newsletters/subscribers')
  }
}
