import env from '#start/env'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterList from '#newsletters/models/newsletter_list'
import { prepareIssue, type PreparedIssue } from '#newsletters/compose/issue_message'
import type { PlaceholderValues } from '#newsletters/compose/placeholders'
import {
  forwardUrl,
  readerToken,
  shareUrl,
  unsubscribeUrl,
  webVersionUrl,
} from '#newsletters/reader_links'
import { getAssociationSettings } from '#association/queries/get_association_settings'

/** Everything about an issue's messages that is the same for every reader. */
export type IssueEnvelope = {
  issueId: number
  prepared: PreparedIssue
  from: { address: string; name: string }
  replyTo: { address: string; name: string } | null
  listId: string
  unsubscribeMailbox: string
  host: string
}

const prepared = new Map<string, PreparedIssue>()

/**
 * Made once per batch. The costly part, the text part and the cut pieces,
 * is kept per compiled HTML: an issue's HTML never changes once it is sent.
 */
export async function envelopeFor(issueId: number): Promise<IssueEnvelope | null> {
  const issue = await NewsletterIssue.find(issueId)
  if (!issue?.compiledHtml) return null
  const settings = await getAssociationSettings()
  const list = await NewsletterList.query()
    .join('newsletter_issue_lists', 'newsletter_issue_lists.list_id', 'newsletter_lists.id')
    .where('newsletter_issue_lists.issue_id', issueId)
    .orderBy('newsletter_lists.id')
    .select('newsletter_lists.*')
    .firstOrFail()
  const cacheKey = `${issue.subject}\n${issue.compiledHtml}`
  if (!prepared.has(cacheKey)) {
    if (prepared.size > 20) prepared.clear()
    prepared.set(cacheKey, prepareIssue(issue.subject, issue.compiledHtml))
  }
  const host = new URL(env.get('APP_URL')).hostname
  return {
    issueId,
    prepared: prepared.get(cacheKey)!,
    // The address stays the one the mail server may send for; the name is the association's.
    from: { address: env.get('MAIL_FROM_ADDRESS'), name: settings.name },
    replyTo: settings.email ? { address: settings.email, name: settings.name } : null,
    listId: `${list.name.replace(/[<>"]/g, '')} <${list.slug}.${host}>`,
    unsubscribeMailbox:
      env.get('NEWSLETTER_UNSUBSCRIBE_ADDRESS') ?? settings.email ?? env.get('MAIL_FROM_ADDRESS'),
    host,
  }
}

export type Reader = { deliveryId: number; subscriberId: number; name: string | null }

export function readerValues(reader: Reader, issueId: number): PlaceholderValues {
  const unsubscribe = unsubscribeUrl(reader.subscriberId)
  return {
    first_name: reader.name?.trim() || 'læser',
    share_url: shareUrl(reader.deliveryId),
    forward_url: forwardUrl(reader.deliveryId),
    unsubscribe_url: unsubscribe,
    preferences_url: unsubscribe,
    web_url: webVersionUrl(issueId),
  }
}

/**
 * RFC 2369 and RFC 8058: both ways out, and the one-click POST that mail
 * programs make from their own unsubscribe button.
 */
export function listHeaders(envelope: IssueEnvelope, subscriberId: number) {
  const token = readerToken('unsubscribe', subscriberId)
  const mailto = `mailto:${envelope.unsubscribeMailbox}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`
  return {
    'List-Unsubscribe': `<${unsubscribeUrl(subscriberId)}>, <${mailto}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': envelope.listId,
  }
}

/** Unique per attempt; the delivery can be found from it when a bounce quotes it. */
export function messageIdFor(envelope: IssueEnvelope, deliveryId: number, attempt: number) {
  return `<kreds.${envelope.issueId}.${deliveryId}.${attempt}@${envelope.host}>`
}
