import Subscriber from '#newsletters/models/subscriber'
import { orWhereSearch } from '#shared/search_text'

export type SubscriberFilters = {
  q?: string | null
  listId?: number | null
  status?: 'pending' | 'active' | 'unsubscribed' | 'suppressed' | null
}

/** Subscribers as the secretariat searches them: by address or name, list and status. */
export async function listSubscribers(filters: SubscriberFilters, page = 1) {
  const query = Subscriber.query()
    .whereNull('erased_at')
    .preload('subscriptions', (s) => s.preload('list'))
  const text = filters.q?.trim()
  // Case, accents and æøå ignored (see #shared/search_text).
  if (text) query.where((match) => orWhereSearch(match, 'subscribers.search_text', text))
  if (filters.status === 'suppressed') query.whereNotNull('suppressed_reason')
  else if (filters.status || filters.listId) {
    query.whereHas('subscriptions', (subscription) => {
      if (filters.listId) subscription.where('list_id', filters.listId)
      if (filters.status) subscription.where('status', filters.status)
    })
  }
  return query.orderBy('email').paginate(page, 50)
}
