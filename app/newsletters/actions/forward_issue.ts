import db from '@adonisjs/lucid/services/db'
import NewsletterForward from '#newsletters/models/newsletter_forward'
import ShareEvent from '#newsletters/models/share_event'
import type NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import SendForwardJob from '#newsletters/jobs/send_forward_job'
import { hashToken } from '#shared/tokens'
import { isUniqueViolation } from '#shared/database_constraints'
import { unmailableAmong } from '#newsletters/subscriber_records'

export type ForwardIssueResult = {
  status: 'queued' | 'already_forwarded' | 'own_address' | 'unmailable'
}

/**
 * A reader sends this issue once to a colleague, with a note. The colleague
 * is not subscribed; their address is kept in the forward record only.
 */
export class ForwardIssue {
  async handle(input: {
    delivery: NewsletterDelivery
    email: string
    note: string | null
  }): Promise<ForwardIssueResult> {
    const email = input.email.trim().toLowerCase()
    if (email === input.delivery.subscriber.email) return { status: 'own_address' }
    // Someone who left, bounced or complained is not mailed through a colleague either.
    const unmailable = await unmailableAmong([email])
    if (unmailable.size) return { status: 'unmailable' }
    let forward: NewsletterForward
    try {
      forward = await db.transaction(async (trx) => {
        const created = await NewsletterForward.create(
          {
            deliveryId: input.delivery.id,
            recipientEmail: email,
            recipientHash: hashToken(email),
            note: input.note,
            status: 'queued',
          },
          { client: trx }
        )
        await ShareEvent.create(
          {
            deliveryId: input.delivery.id,
            issueId: input.delivery.issueId,
            sharerId: input.delivery.subscriberId,
            kind: 'forward',
          },
          { client: trx }
        )
        return created
      })
    } catch (error) {
      if (isUniqueViolation(error)) return { status: 'already_forwarded' }
      throw error
    }
    await SendForwardJob.dispatch({ forwardId: forward.id })
    return { status: 'queued' }
  }
}
