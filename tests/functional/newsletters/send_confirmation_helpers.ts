import { DateTime } from 'luxon'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import Subscription from '#newsletters/models/subscription'
import type NewsletterList from '#newsletters/models/newsletter_list'
import { SubscriberFactory } from '#database/factories/newsletter_factory'

/*
 * Shared set-up for the send confirmation specs: numbered active readers on
 * a list, a draft issue for some lists, and how many deliveries it has.
 */
const BODY =
  '<mj-section><mj-column><mj-text>Kære {{ first_name }}</mj-text></mj-column></mj-section>'

export async function readersOn(list: NewsletterList, count: number, prefix = 'laeser') {
  const readers = await SubscriberFactory.merge(
    Array.from({ length: count }, (_, index) => ({ email: `${prefix}${index + 1}@example.org` }))
  ).createMany(count)
  await Subscription.createMany(
    readers.map((reader) => ({
      subscriberId: reader.id,
      listId: list.id,
      status: 'active' as const,
      source: 'form' as const,
      requestedAt: DateTime.now(),
      confirmedAt: DateTime.now(),
    }))
  )
  return readers
}

export async function draftFor(lists: NewsletterList[], subject = 'Nyt fra foreningen') {
  const issue = await NewsletterIssue.create({
    subject,
    bodyMjml: BODY,
    status: 'draft',
    createdBy: 'test',
  })
  await issue.related('lists').attach(lists.map((list) => list.id))
  return issue
}

export const deliveriesOf = async (issueId: number) =>
  (await NewsletterDelivery.query().where('issue_id', issueId)).length
