import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import NewsletterList from '#newsletters/models/newsletter_list'
import Subscription from '#newsletters/models/subscription'
import { currentConsentText } from '#newsletters/queries/current_consent_text'
import {
  findOrCreateSubscriber,
  isPermanentlySuppressed,
  liftOwnUnsubscribe,
} from '#newsletters/subscriber_records'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { evidenceOf, replacedEvidence } from '#newsletters/replaced_evidence'

export type SubscribeFromPortalInput = {
  listId: number
  /** The logged-in contact's own address: the only one the portal acts on. */
  email: string
  name: string | null
  /** The consent text the contact saw and ticked. */
  consentTextId: number
  ip: string | null
  userAgent?: string | null
}

export type SubscribeFromPortalResult =
  | { status: 'subscribed'; subscription: Subscription }
  | { status: 'not_offered' | 'consent_changed' | 'already_subscribed' | 'suppressed' }

/**
 * A member contact puts their own address on a list offered to members.
 *
 * No confirmation mail: the contact proved the address by logging in with the
 * link sent to it, so the tick in the portal is both the request and its
 * confirmation and the subscription is active at once.
 */
export class SubscribeFromPortal {
  async handle(input: SubscribeFromPortalInput, actor: Actor): Promise<SubscribeFromPortalResult> {
    return db.transaction(async (trx): Promise<SubscribeFromPortalResult> => {
      const list = await NewsletterList.query({ client: trx })
        .where('id', input.listId)
        .where('for_members', true)
        .first()
      const consent = list ? await currentConsentText(list.id, trx) : null
      if (!list || !consent) return { status: 'not_offered' }
      // Consent is to the words shown: if they changed meanwhile, the contact must see the new ones.
      if (consent.id !== input.consentTextId) return { status: 'consent_changed' }

      const subscriber = await findOrCreateSubscriber(trx, { email: input.email, name: input.name })
      if (isPermanentlySuppressed(subscriber)) return { status: 'suppressed' }

      const existing = await Subscription.query({ client: trx })
        .where('subscriber_id', subscriber.id)
        .where('list_id', list.id)
        .first()
      if (existing?.status === 'active') return { status: 'already_subscribed' }

      const before = evidenceOf(existing)
      const now = DateTime.now()
      const subscription = existing ?? new Subscription()
      subscription.merge({
        subscriberId: subscriber.id,
        listId: list.id,
        status: 'active',
        consentTextId: consent.id,
        source: 'member_portal',
        requestedAt: now,
        requestIp: input.ip,
        confirmedAt: now,
        unsubscribedAt: null,
        evidence: null,
        confirmTokenHash: null,
        confirmExpiresAt: null,
      })
      await subscription.useTransaction(trx).save()
      // Not silent: the log shows that this consent ended the earlier unsubscribe.
      const lifted = await liftOwnUnsubscribe(subscriber, trx)
      // The row now holds this consent; the log keeps the one it replaced, and its withdrawal.
      const changes = {
        ...replacedEvidence(before, subscription),
        ...(lifted ? { suppressed_reason: { from: 'unsubscribed', to: null } } : {}),
      }
      await recordAuditEvent(trx, actor, {
        module: 'newsletters',
        action: 'subscription.member_subscribed',
        details: { email: subscriber.email ?? '', list: list.name, version: consent.version },
        subject: { type: 'subscriber', id: subscriber.id },
        changes: Object.keys(changes).length ? changes : null,
      })
      return { status: 'subscribed', subscription }
    })
  }
}
