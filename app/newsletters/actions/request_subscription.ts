import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import NewsletterList from '#newsletters/models/newsletter_list'
import Subscription, {
  type PendingRequest,
  type SubscriptionSource,
} from '#newsletters/models/subscription'
import SendSubscriptionConfirmationJob from '#newsletters/jobs/send_subscription_confirmation_job'
import { currentConsentText } from '#newsletters/queries/current_consent_text'
import {
  findOrCreateSubscriber,
  isPermanentlySuppressed,
  normaliseEmail,
} from '#newsletters/subscriber_records'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { allowConfirmationMail } from '#start/limiter'
import { Actors } from '#audit/actor'

export type RequestSubscriptionInput = {
  listId: number
  email: string
  name: string | null
  source: SubscriptionSource
  ip: string | null
  userAgent?: string | null
  referredById?: number | null
}

export type RequestSubscriptionResult =
  | { status: 'confirmation_sent'; subscription: Subscription }
  | { status: 'already_subscribed' | 'suppressed' | 'no_consent_text' | 'throttled' }

/**
 * Double opt-in, first half: records what was asked, against the consent
 * text shown, and queues the mail whose link confirms it. The caller tells
 * the reader the same thing whatever happened here.
 *
 * Anyone can type anyone's address (the embedded form has no CSRF token), so
 * nothing the reader already has changes here: not their name, and not a
 * subscription's status, dates or evidence. The request waits beside the
 * subscription until the owner of the address confirms it.
 */
export class RequestSubscription {
  async handle(input: RequestSubscriptionInput): Promise<RequestSubscriptionResult> {
    const email = normaliseEmail(input.email)
    // Before anything is written: past the limit a request leaves no trace and sends nothing.
    if (!(await allowConfirmationMail(email))) return { status: 'throttled' }

    const result = await db.transaction(async (trx): Promise<RequestSubscriptionResult> => {
      const list = await NewsletterList.findOrFail(input.listId, { client: trx })
      const consent = await currentConsentText(list.id, trx)
      if (!consent) return { status: 'no_consent_text' }

      // A new reader is nameless until they confirm; the name waits in the request.
      const subscriber = await findOrCreateSubscriber(trx, {
        email,
        name: null,
        referredById: input.referredById,
      })
      if (isPermanentlySuppressed(subscriber)) return { status: 'suppressed' }

      const existing = await Subscription.query({ client: trx })
        .where('subscriber_id', subscriber.id)
        .where('list_id', list.id)
        .first()
      if (existing?.status === 'active') return { status: 'already_subscribed' }

      const now = DateTime.now()
      const request: PendingRequest = {
        name: input.name,
        consentTextId: consent.id,
        source: input.source,
        requestedAt: now.toISO()!,
        requestIp: input.ip,
      }
      // A row of its own is the request's evidence at once; an existing one keeps its history.
      const subscription =
        existing ??
        new Subscription().merge({
          subscriberId: subscriber.id,
          listId: list.id,
          status: 'pending',
          consentTextId: consent.id,
          source: input.source,
          requestedAt: now,
          requestIp: input.ip,
        })
      subscription.pendingRequest = request
      await subscription.useTransaction(trx).save()
      await recordAuditEvent(trx, Actors.system(`subscribe form (${input.source})`, input), {
        module: 'newsletters',
        action: 'subscription.requested',
        details: { email, list: list.name, version: consent.version },
        subject: { type: 'subscriber', id: subscriber.id },
      })
      return { status: 'confirmation_sent', subscription }
    })

    if (result.status === 'confirmation_sent') {
      await SendSubscriptionConfirmationJob.dispatch({ subscriptionId: result.subscription.id })
    }
    return result
  }
}
