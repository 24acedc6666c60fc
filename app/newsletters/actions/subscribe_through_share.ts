import Subscriber from '#newsletters/models/subscriber'
import ShareEvent from '#newsletters/models/share_event'
import type NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import { RequestSubscription } from '#newsletters/actions/request_subscription'
import { isUniqueViolation } from '#shared/database_constraints'

/**
 * The subscribe form on a share page: the usual double opt-in, with the new
 * reader credited to the one who shared. Only an address new to us counts,
 * and only once.
 */
export class SubscribeThroughShare {
  async handle(input: {
    delivery: NewsletterDelivery
    listId: number
    email: string
    name: string | null
    ip: string | null
    userAgent?: string | null
  }) {
    const result = await new RequestSubscription().handle({
      listId: input.listId,
      email: input.email,
      name: input.name,
      source: 'share',
      ip: input.ip,
      userAgent: input.userAgent,
      referredById: input.delivery.subscriberId,
    })
    if (result.status !== 'confirmation_sent') return result
    const subscriber = await Subscriber.findOrFail(result.subscription.subscriberId)
    if (subscriber.referredById !== input.delivery.subscriberId) return result
    try {
      await ShareEvent.create({
        deliveryId: input.delivery.id,
        issueId: input.delivery.issueId,
        sharerId: input.delivery.subscriberId,
        kind: 'signup',
        newSubscriberId: subscriber.id,
      })
    } catch (error) {
      // Credited already, by this form sent twice or by another at the same moment.
      if (!isUniqueViolation(error)) throw error
    }
    return result
  }
}
