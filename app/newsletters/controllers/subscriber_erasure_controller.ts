import type { HttpContext } from '@adonisjs/core/http'
import Subscriber from '#newsletters/models/subscriber'
import NewsletterPolicy from '#newsletters/policies/newsletter_policy'

/** The page before a reader is erased: what goes, what stays, and a typed word, as it cannot be undone. */
export default class SubscriberErasureController {
  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const subscriber = await Subscriber.query()
      .where('id', params.id)
      .whereNull('erased_at')
      .preload('subscriptions', (subscriptions) => subscriptions.preload('list'))
      .firstOrFail()
    return view.render('newsletters/erasure_confirmation', { subscriber })
  }
}
