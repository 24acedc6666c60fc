import ShareEvent from '#newsletters/models/share_event'
import type NewsletterDelivery from '#newsletters/models/newsletter_delivery'

/** Someone opened a reader's share link. */
export class RecordShareView {
  async handle(delivery: NewsletterDelivery) {
    await ShareEvent.create({
      deliveryId: delivery.id,
      issueId: delivery.issueId,
      sharerId: delivery.subscriberId,
      kind: 'view',
    })
  }
}
