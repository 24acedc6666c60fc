import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { sqlTimestamp } from '#shared/sql_time'
import Subscription from '#newsletters/models/subscription'
import Subscriber from '#newsletters/models/subscriber'
import ConsentText from '#newsletters/models/consent_text'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { AuditChanges } from '#audit/models/audit_event'
import { evidenceOf, replacedEvidence } from '#newsletters/replaced_evidence'
import { hashToken, isLinkToken } from '#shared/tokens'
import { liftOwnUnsubscribe } from '#newsletters/subscriber_records'
import { Actors } from '#audit/actor'

export type ConfirmSubscriptionResult =
  { status: 'confirmed'; subscription: Subscription } | { status: 'invalid_link' }

/**
 * Double opt-in, second half: the reader's click is the consent's
 * confirmation, and only now does what the form asked for take effect.
 */
export class ConfirmSubscription {
  async handle(input: {
    token: string
    ip: string | null
    userAgent?: string | null
  }): Promise<ConfirmSubscriptionResult> {
    if (!isLinkToken(input.token)) return { status: 'invalid_link' }
    return db.transaction(async (trx) => {
      const subscription = await Subscription.query({ client: trx })
        .where('confirm_token_hash', hashToken(input.token))
        .whereNot('status', 'active')
        .whereNotNull('pending_request')
        .where('confirm_expires_at', '>', sqlTimestamp())
        .preload('list')
        .first()
      const request = subscription?.pendingRequest
      if (!subscription || !request) return { status: 'invalid_link' as const }

      const before = evidenceOf(subscription)
      subscription.merge({
        status: 'active',
        consentTextId: request.consentTextId,
        source: request.source,
        requestedAt: DateTime.fromISO(request.requestedAt),
        requestIp: request.requestIp,
        confirmedAt: DateTime.now(),
        unsubscribedAt: null,
        // An import's proof was for the earlier consent, not this one.
        evidence: null,
        pendingRequest: null,
        confirmTokenHash: null,
        confirmExpiresAt: null,
      })
      await subscription.useTransaction(trx).save()

      const subscriber = await Subscriber.findOrFail(subscription.subscriberId, { client: trx })
      const named = !subscriber.name && Boolean(request.name)
      if (named) {
        subscriber.name = request.name
        await subscriber.useTransaction(trx).save()
      }
      const lifted = await liftOwnUnsubscribe(subscriber, trx)
      const consent = await ConsentText.findOrFail(request.consentTextId, { client: trx })
      // The row now holds this consent; the log keeps what it held before.
      const changes: AuditChanges = {
        ...replacedEvidence(before, subscription),
        ...(named ? { name: { from: null, to: subscriber.name } } : {}),
        ...(lifted ? { suppressed_reason: { from: 'unsubscribed', to: null } } : {}),
      }
      await recordAuditEvent(trx, Actors.system('subscription confirmation link', input), {
        module: 'newsletters',
        action: 'subscription.confirmed',
        details: {
          email: subscriber.email ?? '',
          list: subscription.list.name,
          version: consent.version,
        },
        subject: { type: 'subscriber', id: subscriber.id },
        changes: Object.keys(changes).length ? changes : null,
      })
      return { status: 'confirmed' as const, subscription }
    })
  }
}
