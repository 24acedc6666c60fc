import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Contact from '#members/models/contact'
import Subscription from '#newsletters/models/subscription'
import AuditEvent from '#audit/models/audit_event'
import { SetNewsletterRecipient } from '#members/actions/set_newsletter_recipient'
import { Actors } from '#audit/actor'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { subscribeTo } from '#tests/helpers/newsletters'

const actor = Actors.system('test')

async function organisationWithRecipient(name = 'LIVSVÆRK', email = 'nina@livsvaerk.example.org') {
  const organisation = await OrganisationFactory.merge({ name })
    .with('contacts', 1, (c) => c.merge({ name: 'Nina Nielsen', email, isNewsletter: true }))
    .create()
  const contact = await Contact.findByOrFail('organisation_id', organisation.id)
  return { organisation, contact }
}

test.group('SetNewsletterRecipient', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('removing a recipient withdraws the members’ lists and keeps a list joined privately', async ({
    assert,
  }) => {
    const { organisation, contact } = await organisationWithRecipient()
    const members = await NewsletterListFactory.apply('forMembers')
      .merge({ name: 'Medlemsnyt' })
      .create()
    const open = await NewsletterListFactory.merge({ name: 'Åbent nyhedsbrev' }).create()
    const reader = await SubscriberFactory.merge({ email: 'nina@livsvaerk.example.org' }).create()
    await subscribeTo(reader, members)
    await subscribeTo(reader, open)

    const result = await new SetNewsletterRecipient().handle(
      { organisationId: organisation.id, contactId: contact.id, recipient: false },
      actor
    )
    assert.equal(result.status, 'removed')
    await contact.refresh()
    assert.isFalse(contact.isNewsletter)
    const byList = new Map(
      (await Subscription.all()).map((subscription) => [subscription.listId, subscription.status])
    )
    assert.equal(byList.get(members.id), 'unsubscribed')
    assert.equal(byList.get(open.id), 'active')
    const event = await AuditEvent.findByOrFail('action', 'contact.newsletter_removed')
    assert.equal(event.subjectId, String(organisation.id))
    assert.equal(event.details.lists, 'Medlemsnyt')
  })

  test('a second identical request changes nothing and writes no event', async ({ assert }) => {
    const { organisation, contact } = await organisationWithRecipient()
    const input = { organisationId: organisation.id, contactId: contact.id, recipient: true }
    assert.equal((await new SetNewsletterRecipient().handle(input, actor)).status, 'unchanged')
    assert.lengthOf(await AuditEvent.query().where('action', 'like', 'contact.newsletter%'), 0)
  })

  test('another organisation’s contact is not found and keeps its role', async ({ assert }) => {
    const { organisation } = await organisationWithRecipient()
    const other = await organisationWithRecipient('Naboforeningen', 'nabo@example.org')
    const result = await new SetNewsletterRecipient().handle(
      { organisationId: organisation.id, contactId: other.contact.id, recipient: false },
      actor
    )
    assert.equal(result.status, 'not_found')
    await other.contact.refresh()
    assert.isTrue(other.contact.isNewsletter)
  })

  test('an erased contact is not found', async ({ assert }) => {
    const { organisation, contact } = await organisationWithRecipient()
    contact.merge({ isNewsletter: false, erasedAt: contact.createdAt })
    await contact.save()
    const result = await new SetNewsletterRecipient().handle(
      { organisationId: organisation.id, contactId: contact.id, recipient: true },
      actor
    )
    assert.equal(result.status, 'not_found')
  })
})
