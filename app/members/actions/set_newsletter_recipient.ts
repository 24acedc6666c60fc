import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Contact from '#members/models/contact'
import NewsletterList from '#newsletters/models/newsletter_list'
import Subscriber from '#newsletters/models/subscriber'
import Subscription from '#newsletters/models/subscription'
import { normaliseEmail, withdrawSubscription } from '#newsletters/subscriber_records'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'

export type SetNewsletterRecipientResult = {
  status: 'named' | 'removed' | 'unchanged' | 'no_email' | 'not_found'
  contact?: Contact
}

/**
 * The primary contact names which of the organisation's contacts receive the
 * members' newsletters. Naming one does not subscribe them: consent is the
 * person's own, given on their own newsletter page. Removing one takes their
 * address off every list offered to members, since the organisation no
 * longer wants it there; other lists they joined themselves are kept.
 */
export class SetNewsletterRecipient {
  async handle(
    input: { organisationId: number; contactId: number; recipient: boolean },
    actor: Actor
  ): Promise<SetNewsletterRecipientResult> {
    return db.transaction(async (trx): Promise<SetNewsletterRecipientResult> => {
      const contact = await Contact.query({ client: trx })
        .where('id', input.contactId)
        .where('organisation_id', input.organisationId)
        .whereNull('erased_at')
        .preload('organisation')
        .first()
      if (!contact) return { status: 'not_found' }
      if (input.recipient && !contact.email) return { status: 'no_email', contact }
      if (contact.isNewsletter === input.recipient) return { status: 'unchanged', contact }

      contact.isNewsletter = input.recipient
      await contact.useTransaction(trx).save()
      const withdrawn = input.recipient ? [] : await withdrawMemberLists(contact, trx)
      await recordAuditEvent(trx, actor, {
        module: 'members',
        action: input.recipient ? 'contact.newsletter_named' : 'contact.newsletter_removed',
        details: {
          name: contact.name,
          organisation: contact.organisation.name,
          lists: withdrawn.join(', ') || '–',
        },
        subject: { type: 'organisation', id: input.organisationId },
      })
      return { status: input.recipient ? 'named' : 'removed', contact }
    })
  }
}

async function withdrawMemberLists(
  contact: Contact,
  trx: Parameters<typeof withdrawSubscription>[2]
) {
  if (!contact.email) return []
  const subscriber = await Subscriber.query({ client: trx })
    .where('email', normaliseEmail(contact.email))
    .whereNull('erased_at')
    .first()
  if (!subscriber) return []
  const memberLists = await NewsletterList.query({ client: trx }).where('for_members', true)
  const subscriptions = await Subscription.query({ client: trx })
    .where('subscriber_id', subscriber.id)
    .whereIn(
      'list_id',
      memberLists.map((list) => list.id)
    )
    .whereIn('status', ['active', 'pending'])
  const now = DateTime.now()
  for (const subscription of subscriptions) await withdrawSubscription(subscription, now, trx)
  return memberLists
    .filter((list) => subscriptions.some((s) => s.listId === list.id))
    .map((list) => list.name)
}
