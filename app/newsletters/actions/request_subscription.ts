import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import NewsletterList from '#newsletters/models/newsletter_list'
import Subscription, { type SubscriptionSource } from '#newsletters/models/subscription'
import SendSubscriptionConfirmationJob from '#newsletters/jobs/send_subscription_confirmation_job'
import { currentConsentText } from '#newsletters/queries/current_consent_text'
import {
  findOrCreateSubscriber,
  isPermanentlySuppressed,
  normaliseEmail,
} from '#newsletters/subscriber_records'
import { recordAuditEvent } from '#audit/actions/record_audit_event'

export type RequestSubscriptionInput = {
  listId: number
  email: string
  name: string | null
  source: SubscriptionSource
  ip: string | null
  referredById?: number | null
}

export type RequestSubscriptionResult =
  | { status: 'confirmation_sent'; subscription: Subscription }
  | { status: 'already_subscribed' | 'suppressed' | 'no_consent_text' }

/**
 * Double opt-in, first half: records the request against the consent text
 * shown, and queues the mail whose link confirms it. The caller tells the
 * reader the same thing whatever happened here.
 */
export class RequestSubscription {
  async handle(input: RequestSubscriptionInput): Promise<RequestSubscriptionResult> {
    const email = normaliseEmail(input.email)
    const result = await db.transaction(async (trx): Promise<RequestSubscriptionResult> => {
      const list = await NewsletterList.findOrFail(input.listId, { client: trx })
      const consent = await currentConsentText(list.id, trx)
      if (!consent) return { status: 'no_consent_text' }

      const subscriber = await findOrCreateSubscriber(trx, {
        email,
        name: input.name,
        referredById: input.referredById,
      })
      if (isPermanentlySuppressed(subscriber)) return { status: 'suppressed' }
      if (!subscriber.name && input.name) {
        subscriber.name = input.name
        await subscriber.useTransaction(trx).save()
      }

      const existing = await Subscription.query({ client: trx })
        .where('subscriber_id', subscriber.id)
        .where('list_id', list.id)
        .first()
      if (existing?.status === 'active') return { status: 'already_subscribed' }

      const subscription = existing ?? new Subscription()
      subscription.merge({
        subscriberId: subscriber.id,
        listId: list.id,
        status: 'pending',
        consentTextId: consent.id,
        source: input.source,
        requestedAt: DateTime.now(),
        requestIp: input.ip,
        confirmedAt: null,
        unsubscribedAt: null,
      })
      await subscription.useTransaction(trx).save()
      await recordAuditEvent(
        trx,
        { type: 'system', id: null, label: `subscribe form (${input.source})`, ip: input.ip },
        {
          module: 'newsletters',
          action: 'subscription.requested',
          details: { email, list: list.name, version: consent.version },
          subject: { type: 'subscriber', id: subscriber.id },
        }
      )
      return { status: 'confirmation_sent', subscription }
    })

    if (result.status === 'confirmation_sent') {
      await SendSubscriptionConfirmationJob.dispatch({ subscriptionId: result.subscription.id })
    }
    return result
  }
}
