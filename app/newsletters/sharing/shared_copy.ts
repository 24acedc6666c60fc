import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import { verifyReaderToken } from '#newsletters/reader_links'
import { firstName } from '#newsletters/sharing/share_page'

/**
 * The reader's copy behind a share token, with the issue and the sharer;
 * null for a token that was not made here or an issue that never went out.
 */
export async function findSharedCopy(token: string) {
  const deliveryId = verifyReaderToken('share', token)
  if (!deliveryId) return null
  const delivery = await NewsletterDelivery.query()
    .where('id', deliveryId)
    .preload('issue', (issue) => issue.preload('lists'))
    .preload('subscriber')
    .first()
  if (!delivery?.issue.compiledHtml || delivery.subscriber.erasedAt) return null
  return delivery
}

/** A first name at most: the sharer's address is never shown to the people they share with. */
export function sharerFirstName(delivery: NewsletterDelivery) {
  return firstName(delivery.subscriber.name)
}
