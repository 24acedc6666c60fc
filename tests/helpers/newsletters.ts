import { DateTime } from 'luxon'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import Subscription, {
  type PendingRequest,
  type SubscriptionStatus,
} from '#newsletters/models/subscription'
import type Subscriber from '#newsletters/models/subscriber'
import type NewsletterList from '#newsletters/models/newsletter_list'
import type ConsentText from '#newsletters/models/consent_text'
import { generateToken, hashToken } from '#shared/tokens'

/** A reader on a list, confirmed now unless the status says otherwise. */
export async function subscribeTo(
  reader: Subscriber,
  list: NewsletterList,
  status: SubscriptionStatus = 'active'
) {
  return Subscription.create({
    subscriberId: reader.id,
    listId: list.id,
    status,
    source: 'form',
    requestedAt: DateTime.now(),
    confirmedAt: status === 'active' ? DateTime.now() : null,
  })
}

/** An issue as it stands once sent to the list, and this reader's copy of it. */
export async function sentIssueFor(
  list: NewsletterList,
  reader: Subscriber,
  compiledHtml = '<!doctype html><html lang="da"><head><title>Velkommen til Social Talks</title></head><body><p>Kære {{ first_name }}</p><a href="{{ share_url }}">Del</a></body></html>'
) {
  const issue = await NewsletterIssue.create({
    subject: 'Velkommen til Social Talks',
    bodyMjml: '<mj-section></mj-section>',
    compiledHtml,
    status: 'sent',
    createdBy: 'test',
    sendStartedAt: DateTime.now(),
    sentAt: DateTime.now(),
  })
  await issue.related('lists').attach([list.id])
  const delivery = await NewsletterDelivery.create({
    issueId: issue.id,
    subscriberId: reader.id,
    status: 'sent',
    attempts: 1,
  })
  return { issue, delivery }
}

/** A subscribe form's request against the list's first consent text, as it waits for confirmation. */
export function pendingRequestFor(
  list: NewsletterList & { consentTexts: ConsentText[] },
  name: string | null = 'Ida'
): PendingRequest {
  return {
    name,
    consentTextId: list.consentTexts[0].id,
    source: 'form',
    requestedAt: DateTime.now().toISO()!,
    requestIp: '192.0.2.7',
  }
}

/** The confirmation link's token, as the job makes and mails it; expired if days is negative. */
export async function mailedToken(subscription: Subscription, days = 1) {
  const token = generateToken()
  subscription.merge({
    confirmTokenHash: hashToken(token),
    confirmExpiresAt: DateTime.now().plus({ days }),
  })
  await subscription.save()
  return token
}
