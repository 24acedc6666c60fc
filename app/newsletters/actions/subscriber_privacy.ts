import { DateTime } from 'luxon'
import { forgetSharePages } from '#newsletters/sharing/share_page'
import db from '@adonisjs/lucid/services/db'
import Subscriber from '#newsletters/models/subscriber'
import Subscription from '#newsletters/models/subscription'
import AuditEvent from '#audit/models/audit_event'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { hashEmail } from '#newsletters/subscriber_records'
import { getShareHistory } from '#newsletters/queries/share_stats'
import { danishIso } from '#shared/danish_time'

const ERASED = '[slettet]'

async function forwardsBy(subscriberId: number) {
  return db
    .from('newsletter_forwards')
    .join('newsletter_deliveries', 'newsletter_deliveries.id', 'newsletter_forwards.delivery_id')
    .where('newsletter_deliveries.subscriber_id', subscriberId)
    .select('newsletter_forwards.id')
}

async function findSubscriber(id: number) {
  return Subscriber.query()
    .where('id', id)
    .whereNull('erased_at')
    .preload('subscriptions', (s) => s.preload('list').preload('consentText'))
    .first()
}

/** Everything Kreds holds about one reader, including the evidence of each consent. */
export class ExportSubscriberData {
  async handle(subscriberId: number, actor: Actor) {
    const subscriber = await findSubscriber(subscriberId)
    if (!subscriber) return { status: 'not_found' as const }
    const events = await AuditEvent.query()
      .where('subject_type', 'subscriber')
      .where('subject_id', String(subscriber.id))
      .orderBy('id')
    const deliveries = await db
      .from('newsletter_deliveries')
      .join('newsletter_issues', 'newsletter_issues.id', 'newsletter_deliveries.issue_id')
      .where('newsletter_deliveries.subscriber_id', subscriber.id)
      .orderBy('newsletter_deliveries.id')
      .select(
        'newsletter_issues.subject',
        'newsletter_deliveries.status',
        'newsletter_deliveries.sent_at'
      )
    const forwards = await forwardsBy(subscriber.id)
    const data = {
      exported_at: danishIso(DateTime.now()),
      reader: {
        email: subscriber.email,
        name: subscriber.name,
        suppressed: subscriber.suppressedReason,
      },
      subscriptions: subscriber.subscriptions.map((subscription) => ({
        list: subscription.list.name,
        status: subscription.status,
        source: subscription.source,
        requested_at: danishIso(subscription.requestedAt),
        request_ip: subscription.requestIp,
        confirmed_at: danishIso(subscription.confirmedAt),
        withdrawn_at: danishIso(subscription.unsubscribedAt),
        consent_text: subscription.consentText
          ? { version: subscription.consentText.version, text: subscription.consentText.body }
          : null,
        evidence: subscription.evidence,
        // Asked for on a form and not confirmed: it changes nothing until it is.
        unconfirmed_request: subscription.pendingRequest,
      })),
      issues_received: deliveries.map((delivery) => ({
        issue: delivery.subject,
        status: delivery.status,
        sent_at: delivery.sent_at,
      })),
      sharing: await getShareHistory(subscriber.id),
      forwards_sent: forwards.length,
      events: events.map((event) => ({
        at: danishIso(event.createdAt),
        action: event.action,
        details: event.details,
      })),
    }
    await db.transaction((trx) =>
      recordAuditEvent(trx, actor, {
        module: 'newsletters',
        action: 'subscriber.data_exported',
        subject: { type: 'subscriber', id: subscriber.id },
      })
    )
    return { status: 'exported' as const, data }
  }
}

/**
 * Erases a reader on request: name, address and IPs go, the subscriptions
 * end, and the log keeps its events without the address. A hash of the
 * address stays so that no import can bring the person back.
 */
export class EraseSubscriber {
  async handle(subscriberId: number, actor: Actor) {
    const subscriber = await findSubscriber(subscriberId)
    if (!subscriber) return { status: 'not_found' as const }
    const email = subscriber.email ?? ''
    const forwards = await forwardsBy(subscriber.id)
    const forwardIds = forwards.map((forward) => forward.id)
    await db.transaction(async (trx) => {
      await Subscription.query({ client: trx }).where('subscriber_id', subscriber.id).update({
        status: 'unsubscribed',
        request_ip: null,
        pending_request: null,
        confirm_token_hash: null,
        evidence: null,
      })
      // The colleagues this reader forwarded to are known through them alone.
      await trx
        .from('newsletter_forwards')
        .whereIn('id', forwardIds)
        .update({ recipient_email: ERASED, note: null })
      // Bounces and complaints named the address; the suppression on the reader's row remains.
      await trx
        .from('mail_events')
        .where((query) => query.where('subscriber_id', subscriber.id).orWhere('email', email))
        .update({ email: ERASED, detail: null })
      const events = await AuditEvent.query({ client: trx }).where('details', 'like', `%${email}%`)
      for (const event of email ? events : []) {
        event.details = JSON.parse(JSON.stringify(event.details).split(email).join(ERASED))
        await event.useTransaction(trx).save()
      }
      subscriber.merge({
        email: null,
        name: null,
        emailHash: email ? hashEmail(email) : null,
        suppressedReason: subscriber.suppressedReason ?? 'unsubscribed',
        suppressedAt: subscriber.suppressedAt ?? DateTime.now(),
        erasedAt: DateTime.now(),
      })
      await subscriber.useTransaction(trx).save()
      await recordAuditEvent(trx, actor, {
        module: 'newsletters',
        action: 'subscriber.erased',
        subject: { type: 'subscriber', id: subscriber.id },
      })
    })
    forgetSharePages()
    return { status: 'erased' as const }
  }
}
