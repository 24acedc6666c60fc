import env from '#start/env'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterList from '#newsletters/models/newsletter_list'
import { prepareIssue, type PreparedIssue } from '#newsletters/compose/issue_message'
import type { PlaceholderValues } from '#newsletters/compose/placeholders'
import {
  buildWireTemplate,
  wireMessage,
  type WireTemplate,
} from '#newsletters/sending/wire_message'
import {
  bounceToken,
  forwardUrlFor,
  readerToken,
  shareUrlFor,
  unsubscribeUrlFor,
  webVersionUrl,
} from '#newsletters/reader_links'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { associationSender } from '#shared/mail/sender'

/** Everything about an issue's messages that is the same for every reader. */
export type IssueEnvelope = {
  issueId: number
  prepared: PreparedIssue
  /** The issue's MIME message with holes for each reader. */
  wire: WireTemplate
  from: { address: string; name: string }
  replyTo: { address: string; name: string } | null
  listId: string
  unsubscribeMailbox: string
  host: string
  /** The domain of the per-delivery return path that bounces come back to. */
  bounceDomain: string
}

const prepared = new Map<string, { prepared: PreparedIssue; wire: WireTemplate }>()

/**
 * Made once per batch. The costly part, the text part and the cut pieces,
 * is kept per compiled HTML: an issue's HTML never changes once it is sent.
 */
export async function envelopeFor(
  issueId: number,
  loaded?: NewsletterIssue
): Promise<IssueEnvelope | null> {
  const issue = loaded ?? (await NewsletterIssue.find(issueId))
  if (!issue?.compiledHtml) return null
  const settings = await getAssociationSettings()
  const list = await NewsletterList.query()
    .join('newsletter_issue_lists', 'newsletter_issue_lists.list_id', 'newsletter_lists.id')
    .where('newsletter_issue_lists.issue_id', issueId)
    .orderBy('newsletter_lists.id')
    .select('newsletter_lists.*')
    .firstOrFail()
  const host = new URL(env.get('APP_URL')).hostname
  const fromAddress = env.get('MAIL_FROM_ADDRESS')
  // The association writes; bounces still come back through our own return path.
  const from = associationSender(settings)
  const replyTo =
    settings.email && settings.email !== from.address
      ? { address: settings.email, name: settings.name }
      : null
  const listId = `${list.name.replace(/[<>"]/g, '')} <${list.slug}.${host}>`
  const cacheKey = JSON.stringify([issue.subject, issue.compiledHtml, from, replyTo, listId])
  let cached = prepared.get(cacheKey)
  if (!cached) {
    if (prepared.size > 20) prepared.clear()
    const ready = prepareIssue(issue.subject, issue.compiledHtml)
    const wire = buildWireTemplate({ from, replyTo, listId, ...ready })
    prepared.set(cacheKey, (cached = { prepared: ready, wire }))
  }
  return {
    issueId,
    prepared: cached.prepared,
    wire: cached.wire,
    from,
    replyTo,
    listId,
    unsubscribeMailbox: env.get('NEWSLETTER_UNSUBSCRIBE_ADDRESS') ?? settings.email ?? fromAddress,
    host,
    bounceDomain: env.get('BOUNCE_DOMAIN') ?? fromAddress.split('@')[1],
  }
}

export type Reader = { deliveryId: number; subscriberId: number; name: string | null }

/** A reader's two signed tokens, made once per copy and used by the body and the headers. */
export function readerTokens(reader: Reader) {
  return {
    unsubscribe: readerToken('unsubscribe', reader.subscriberId),
    share: readerToken('share', reader.deliveryId),
  }
}

export function readerValues(
  reader: Reader,
  issueId: number,
  tokens = readerTokens(reader)
): PlaceholderValues {
  const unsubscribe = unsubscribeUrlFor(tokens.unsubscribe)
  return {
    first_name: reader.name?.trim() || 'læser',
    share_url: shareUrlFor(tokens.share),
    forward_url: forwardUrlFor(tokens.share),
    unsubscribe_url: unsubscribe,
    preferences_url: unsubscribe,
    web_url: webVersionUrl(issueId),
  }
}

/**
 * RFC 2369 and RFC 8058: both ways out, and the one-click POST that mail
 * programs make from their own unsubscribe button.
 */
export function listHeaders(
  envelope: IssueEnvelope,
  subscriberId: number,
  token = readerToken('unsubscribe', subscriberId)
) {
  const mailto = `mailto:${envelope.unsubscribeMailbox}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`
  return {
    'List-Unsubscribe': `<${unsubscribeUrlFor(token)}>, <${mailto}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': envelope.listId,
  }
}

/** Unique per attempt; the delivery can be found from it when a bounce quotes it. */
export function messageIdFor(envelope: IssueEnvelope, deliveryId: number, attempt: number) {
  return `<kreds.${envelope.issueId}.${deliveryId}.${attempt}@${envelope.host}>`
}

/** Where a bounce of this delivery comes back to (the SMTP envelope sender). */
export function returnPathFor(envelope: IssueEnvelope, deliveryId: number) {
  return `bounces+${bounceToken(deliveryId)}@${envelope.bounceDomain}`
}

export type WireRecipient = Reader & { email: string; attempt: number }

/** One reader's whole message from the issue's prepared MIME: nothing is composed again. */
export function readerWireMessage(envelope: IssueEnvelope, reader: WireRecipient) {
  const tokens = readerTokens(reader)
  return wireMessage(envelope.wire, {
    to: { address: reader.email, name: reader.name },
    messageId: messageIdFor(envelope, reader.deliveryId, reader.attempt),
    listUnsubscribe: listHeaders(envelope, reader.subscriberId, tokens.unsubscribe)[
      'List-Unsubscribe'
    ],
    values: readerValues(reader, envelope.issueId, tokens),
  })
}
