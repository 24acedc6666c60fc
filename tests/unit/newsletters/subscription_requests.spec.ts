import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import queue from '@adonisjs/queue/services/main'
import limiter from '@adonisjs/limiter/services/main'
import db from '@adonisjs/lucid/services/db'
import Subscription from '#newsletters/models/subscription'
import Subscriber from '#newsletters/models/subscriber'
import AuditEvent from '#audit/models/audit_event'
import { PublishConsentText } from '#newsletters/actions/publish_consent_text'
import { RequestSubscription } from '#newsletters/actions/request_subscription'
import { ConfirmSubscription } from '#newsletters/actions/confirm_subscription'
import { Unsubscribe } from '#newsletters/actions/unsubscribe'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { mailedToken } from '#tests/helpers/newsletters'
import { Actors } from '#audit/actor'

/** Everything a subscription row says of the consent and its withdrawal. */
const EVIDENCE = [
  'status',
  'consent_text_id',
  'source',
  'evidence',
  'requested_at',
  'request_ip',
  'confirmed_at',
  'unsubscribed_at',
]

/*
| Anyone can type anyone's address into a subscribe form. What they ask for
| waits until the owner of the address confirms it, and one address is sent
| at most three confirmation mails an hour.
*/
test.group('Subscription requests', (group) => {
  let fakeQueue: ReturnType<typeof queue.fake>
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => {
    fakeQueue = queue.fake()
    return () => queue.restore()
  })
  group.each.setup(() => limiter.clear())

  test('a request for a known reader changes nothing of theirs until confirmed', async ({
    assert,
  }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const subscriber = await SubscriberFactory.merge({ name: 'Ida Holm' }).create()
    const withdrawnAt = DateTime.fromISO('2024-03-01T10:00:00')
    const left = await Subscription.create({
      subscriberId: subscriber.id,
      listId: list.id,
      status: 'unsubscribed',
      consentTextId: list.consentTexts[0].id,
      source: 'import',
      evidence: 'medlemmer.csv, række 4',
      requestedAt: DateTime.fromISO('2023-01-01T09:00:00'),
      requestIp: null,
      confirmedAt: DateTime.fromISO('2023-01-01T09:00:00'),
      unsubscribedAt: withdrawnAt,
    })
    const evidence = () => db.from('subscriptions').where('id', left.id).select(EVIDENCE).first()
    const before = await evidence()
    await new PublishConsentText().handle(
      {
        listId: list.id,
        body: 'Ja tak, send mig nyhedsbrevet hver uge. Jeg kan altid afmelde mig.',
      },
      Actors.system('test')
    )

    const result = await new RequestSubscription().handle({
      listId: list.id,
      email: subscriber.email!,
      name: 'Mallory',
      source: 'form',
      ip: '203.0.113.66',
    })
    assert.equal(result.status, 'confirmation_sent')
    assert.deepEqual(await evidence(), before)
    assert.equal((await Subscriber.findOrFail(subscriber.id)).name, 'Ida Holm')
    const waiting = await Subscription.findOrFail(left.id)
    assert.equal(waiting.pendingRequest?.name, 'Mallory')
    assert.equal(waiting.pendingRequest?.requestIp, '203.0.113.66')

    // The owner of the address follows the link: the new consent, and the log keeps the old one.
    const token = await mailedToken(waiting)
    assert.equal((await new ConfirmSubscription().handle({ token, ip: null })).status, 'confirmed')
    const confirmed = await Subscription.query()
      .where('id', left.id)
      .preload('consentText')
      .firstOrFail()
    assert.equal(confirmed.status, 'active')
    assert.equal(confirmed.consentText.version, 2)
    assert.equal(confirmed.source, 'form')
    assert.equal(confirmed.requestIp, '203.0.113.66')
    assert.isNull(confirmed.unsubscribedAt)
    assert.isNull(confirmed.evidence)
    assert.isNull(confirmed.pendingRequest)
    assert.equal((await Subscriber.findOrFail(subscriber.id)).name, 'Ida Holm')
    const event = await AuditEvent.query().where('action', 'subscription.confirmed').firstOrFail()
    assert.equal(event.changes?.unsubscribed_at.from, withdrawnAt.toISO())
    assert.equal(event.changes?.source.from, 'import')
    assert.equal(event.details.version, 2)
  })

  test('a new reader gets the name they asked for when they confirm', async ({ assert }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const result = await new RequestSubscription().handle({
      listId: list.id,
      email: 'bo@example.org',
      name: 'Bo',
      source: 'form',
      ip: null,
    })
    if (result.status !== 'confirmation_sent') throw new Error(result.status)
    const subscriber = await Subscriber.findByOrFail('email', 'bo@example.org')
    assert.isNull(subscriber.name)
    const token = await mailedToken(result.subscription)
    await new ConfirmSubscription().handle({ token, ip: null })
    assert.equal((await Subscriber.findOrFail(subscriber.id)).name, 'Bo')
  })

  test('past three requests an hour for one address nothing is written or queued', async ({
    assert,
  }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const request = (email: string, name: string) =>
      new RequestSubscription().handle({ listId: list.id, email, name, source: 'form', ip: null })
    for (const name of ['Første', 'Anden', 'Tredje']) {
      assert.equal((await request('ida@example.org', name)).status, 'confirmation_sent')
    }
    const events = await AuditEvent.query().where('action', 'subscription.requested')
    assert.equal((await request(' IDA@example.org ', 'Fjerde')).status, 'throttled')
    assert.lengthOf(
      await AuditEvent.query().where('action', 'subscription.requested'),
      events.length
    )
    assert.equal((await Subscription.firstOrFail()).pendingRequest?.name, 'Tredje')
    fakeQueue.assertPushedCount(3)
    // Another address is not held up by it.
    assert.equal((await request('bo@example.org', 'Bo')).status, 'confirmation_sent')
  })

  test('withdrawing drops a request that waits for confirmation', async ({ assert }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const result = await new RequestSubscription().handle({
      listId: list.id,
      email: 'bo@example.org',
      name: 'Bo',
      source: 'form',
      ip: null,
    })
    if (result.status !== 'confirmation_sent') throw new Error(result.status)
    const token = await mailedToken(result.subscription)
    await new Unsubscribe().handle({
      subscriberId: result.subscription.subscriberId,
      ip: null,
      via: 'test',
    })
    assert.isNull((await Subscription.findOrFail(result.subscription.id)).pendingRequest)
    assert.equal(
      (await new ConfirmSubscription().handle({ token, ip: null })).status,
      'invalid_link'
    )
  })
})
