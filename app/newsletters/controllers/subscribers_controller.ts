import type { HttpContext } from '@adonisjs/core/http'
import Subscriber from '#newsletters/models/subscriber'
import NewsletterList from '#newsletters/models/newsletter_list'
import NewsletterPolicy from '#newsletters/policies/newsletter_policy'
import { subscriberFiltersValidator } from '#newsletters/validators/newsletters'
import { listSubscribers } from '#newsletters/queries/list_subscribers'

export default class SubscribersController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('view')
    const [, filters] = await subscriberFiltersValidator.tryValidate(request.qs())
    const subscribers = await listSubscribers(
      { q: filters?.q, listId: filters?.list, status: filters?.status },
      filters?.page ?? 1
    )
    subscribers
      .baseUrl('/newsletters/subscribers')
      .queryString({ ...request.qs(), page: undefined })
    return view.render('newsletters/subscribers', {
      subscribers,
      filters: request.qs(),
      lists: await NewsletterList.query().orderBy('name'),
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
    })
  }
}
