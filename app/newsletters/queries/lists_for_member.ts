import NewsletterList from '#newsletters/models/newsletter_list'
import Subscriber from '#newsletters/models/subscriber'
import { isPermanentlySuppressed, normaliseEmail } from '#newsletters/subscriber_records'

/**
 * The lists offered to members, each with its current consent text and where
 * one address stands on it. Lists without a consent text cannot be joined
 * and are left out.
 */
export async function listsForMember(email: string) {
  const lists = await NewsletterList.query()
    .where('for_members', true)
    .preload('consentTexts', (texts) => texts.orderBy('version', 'desc'))
    .orderBy('name')
  const subscriber = await Subscriber.query()
    .where('email', normaliseEmail(email))
    .whereNull('erased_at')
    .preload('subscriptions')
    .first()
  const offers = lists
    .filter((list) => list.consentTexts.length > 0)
    .map((list) => {
      const subscription = subscriber?.subscriptions.find((s) => s.listId === list.id) ?? null
      return { list, consent: list.consentTexts[0], subscription, status: subscription?.status }
    })
  return {
    offers,
    suppressedReason: subscriber?.suppressedReason ?? null,
    // Bounced or complained: the page offers nothing to join, and says why.
    blocked: subscriber ? isPermanentlySuppressed(subscriber) : false,
  }
}
