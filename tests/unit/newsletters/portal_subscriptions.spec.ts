import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import queue from '@adonisjs/queue/services/main'
import Subscription from '#newsletters/models/subscription'
import Subscriber from '#newsletters/models/subscriber'
import AuditEvent from '#audit/models/audit_event'
import type { Actor } from '#audit/actor'
import { PublishConsentText } from '#newsletters/actions/publish_consent_text'
import { SubscribeFromPortal } from '#newsletters/actions/subscribe_from_portal'
import { UnsubscribeFromPortal } from '#newsletters/actions/unsubscribe_from_portal'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'

const contact: Actor = {
  type: 'member_contact',
  id: 7,
  label: 'nina@livsvaerk.example.org (LIVSVÆRK)',
  ip: '192.0.2.9',
}

async function memberList(name = 'Medlemsnyt') {
  const list = await NewsletterListFactory.apply('forMembers')
    .merge({ name })
    .with('consentTexts', 1)
    .create()
  await list.load('consentTexts')
  return { list, consent: list.consentTexts[0] }
}

function subscribe(listId: number, consentTextId: number, email = 'Nina@Livsvaerk.example.org') {
  return new SubscribeFromPortal().handle(
    { listId, email, name: 'Nina Nielsen', consentTextId, ip: '192.0.2.9' },
    contact
  )
}

test.group('Subscribing from the member portal', (group) => {
  let fakeQueue: ReturnType<typeof queue.fake>
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => {
    fakeQueue = queue.fake()
    return () => queue.restore()
  })

  test('is active at once, with the consent text shown, the source, the IP and the times', async ({
    assert,
  }) => {
    const { list, consent } = await memberList()
    const before = DateTime.now().minus({ seconds: 1 })
    const result = await subscribe(list.id, consent.id)
    assert.equal(result.status, 'subscribed')

    const subscription = await Subscription.query().preload('subscriber').firstOrFail()
    assert.equal(subscription.subscriber.email, 'nina@livsvaerk.example.org')
    assert.equal(subscription.subscriber.name, 'Nina Nielsen')
    assert.equal(subscription.status, 'active')
    assert.equal(subscription.consentTextId, consent.id)
    assert.equal(subscription.source, 'member_portal')
    assert.equal(subscription.requestIp, '192.0.2.9')
    assert.isTrue(subscription.requestedAt >= before)
    assert.isNotNull(subscription.confirmedAt)
    assert.isNull(subscription.unsubscribedAt)
    // The login link proved the address: no confirmation mail.
    fakeQueue.assertNothingPushed()

    const event = await AuditEvent.findByOrFail('action', 'subscription.member_subscribed')
    assert.equal(event.actorType, 'member_contact')
    assert.equal(event.actorLabel, 'nina@livsvaerk.example.org (LIVSVÆRK)')
    assert.deepEqual(event.details, {
      email: 'nina@livsvaerk.example.org',
      list: 'Medlemsnyt',
      version: 1,
    })
    assert.equal(event.subjectId, String(subscription.subscriberId))
  })

  test('a consent text changed since the page was shown is not agreed to', async ({ assert }) => {
    const { list, consent } = await memberList()
    await new PublishConsentText().handle(
      { listId: list.id, body: 'Ja tak, send mig Medlemsnyt hver uge. Jeg kan altid afmelde mig.' },
      contact
    )
    assert.equal((await subscribe(list.id, consent.id)).status, 'consent_changed')
    assert.lengthOf(await Subscription.all(), 0)
  })

  test('a list that is not offered to members cannot be joined here', async ({ assert }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    await list.load('consentTexts')
    assert.equal((await subscribe(list.id, list.consentTexts[0].id)).status, 'not_offered')
    assert.lengthOf(await Subscription.all(), 0)
  })

  test('a bounced or complained address stays off the list', async ({ assert }) => {
    const { list, consent } = await memberList()
    for (const state of ['bounced', 'complained'] as const) {
      const subscriber = await SubscriberFactory.apply(state).create()
      const result = await subscribe(list.id, consent.id, subscriber.email!)
      assert.equal(result.status, 'suppressed')
      await subscriber.refresh()
      assert.equal(subscriber.suppressedReason, state)
    }
    assert.lengthOf(await Subscription.all(), 0)
    assert.isNull(await AuditEvent.findBy('action', 'subscription.member_subscribed'))
  })

  test('an address that left everything rejoins one list, and the log says so', async ({
    assert,
  }) => {
    const { list, consent } = await memberList()
    const subscriber = await SubscriberFactory.apply('unsubscribed').create()
    assert.equal((await subscribe(list.id, consent.id, subscriber.email!)).status, 'subscribed')
    await subscriber.refresh()
    assert.isNull(subscriber.suppressedReason)
    const event = await AuditEvent.findByOrFail('action', 'subscription.member_subscribed')
    assert.deepEqual(event.changes, { suppressed_reason: { from: 'unsubscribed', to: null } })
  })

  test('an active subscription is left as it was', async ({ assert }) => {
    const { list, consent } = await memberList()
    await subscribe(list.id, consent.id)
    const first = await Subscription.firstOrFail()
    assert.equal((await subscribe(list.id, consent.id)).status, 'already_subscribed')
    const again = await Subscription.firstOrFail()
    assert.equal(again.requestedAt.toMillis(), first.requestedAt.toMillis())
  })
})

test.group('Unsubscribing from the member portal', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('withdraws that list only, with the time, and does not suppress the address', async ({
    assert,
  }) => {
    const { list, consent } = await memberList()
    const other = await memberList('Generalforsamling')
    await subscribe(list.id, consent.id)
    await subscribe(other.list.id, other.consent.id)

    const before = DateTime.now().minus({ seconds: 1 })
    const result = await new UnsubscribeFromPortal().handle(
      { listId: list.id, email: 'nina@livsvaerk.example.org', ip: '192.0.2.9' },
      contact
    )
    assert.equal(result.status, 'unsubscribed')
    const left = await Subscription.query().where('list_id', list.id).firstOrFail()
    assert.equal(left.status, 'unsubscribed')
    assert.isTrue(left.unsubscribedAt! >= before)
    const kept = await Subscription.query().where('list_id', other.list.id).firstOrFail()
    assert.equal(kept.status, 'active')
    const subscriber = await Subscriber.findOrFail(left.subscriberId)
    assert.isNull(subscriber.suppressedReason)

    const event = await AuditEvent.findByOrFail('action', 'subscription.lists_changed')
    assert.equal(event.actorType, 'member_contact')
    assert.deepEqual(event.details, { email: 'nina@livsvaerk.example.org', lists: 'Medlemsnyt' })
  })

  test('rejoining a list the contact left keeps the earlier consent and its withdrawal in the log', async ({
    assert,
  }) => {
    const { list, consent } = await memberList()
    await subscribe(list.id, consent.id)
    await new UnsubscribeFromPortal().handle(
      { listId: list.id, email: 'nina@livsvaerk.example.org', ip: null },
      contact
    )
    const left = await Subscription.query().where('list_id', list.id).firstOrFail()
    const withdrawnAt = left.unsubscribedAt!.toISO()
    const firstConsentAt = left.confirmedAt!.toISO()

    assert.equal((await subscribe(list.id, consent.id)).status, 'subscribed')
    const rejoined = await Subscription.query().where('list_id', list.id).firstOrFail()
    assert.isNull(rejoined.unsubscribedAt)
    const event = await AuditEvent.query()
      .where('action', 'subscription.member_subscribed')
      .orderBy('id', 'desc')
      .firstOrFail()
    assert.deepInclude(event.changes!, { unsubscribed_at: { from: withdrawnAt, to: null } })
    assert.equal(event.changes!.confirmed_at.from, firstConsentAt)
  })

  test('leaving the only list still does not suppress the address', async ({ assert }) => {
    const { list, consent } = await memberList()
    await subscribe(list.id, consent.id)
    await new UnsubscribeFromPortal().handle(
      { listId: list.id, email: 'nina@livsvaerk.example.org', ip: null },
      contact
    )
    const subscriber = await Subscriber.findByOrFail('email', 'nina@livsvaerk.example.org')
    assert.isNull(subscriber.suppressedReason)
  })

  test('an address not on the list changes nothing', async ({ assert }) => {
    const { list } = await memberList()
    const result = await new UnsubscribeFromPortal().handle(
      { listId: list.id, email: 'nobody@example.org', ip: null },
      contact
    )
    assert.equal(result.status, 'not_subscribed')
    assert.isNull(await AuditEvent.findBy('action', 'subscription.lists_changed'))
  })
})
