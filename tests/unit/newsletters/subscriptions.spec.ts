import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import queue from '@adonisjs/queue/services/main'
import ConsentText from '#newsletters/models/consent_text'
import Subscription from '#newsletters/models/subscription'
import Subscriber from '#newsletters/models/subscriber'
import { PublishConsentText } from '#newsletters/actions/publish_consent_text'
import { RequestSubscription } from '#newsletters/actions/request_subscription'
import { ConfirmSubscription } from '#newsletters/actions/confirm_subscription'
import SendSubscriptionConfirmationJob from '#newsletters/jobs/send_subscription_confirmation_job'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { Actors } from '#audit/actor'
import limiter from '@adonisjs/limiter/services/main'
import { mailedToken, pendingRequestFor } from '#tests/helpers/newsletters'

test.group('Consent texts', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a changed text is a new version; the same text is not', async ({ assert }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const publish = (body: string) =>
      new PublishConsentText().handle({ listId: list.id, body }, Actors.system('test'))
    assert.equal(
      (await publish('Ja tak, send mig nyhedsbrevet. Jeg kan altid afmelde mig.')).status,
      'unchanged'
    )
    const next = await publish(
      'Ja tak, send mig nyhedsbrevet hver måned. Jeg kan altid afmelde mig.'
    )
    assert.equal(next.status, 'published')
    assert.equal(next.text.version, 2)
    assert.lengthOf(await ConsentText.query().where('list_id', list.id), 2)
  })
})

test.group('Double opt-in', (group) => {
  let fakeQueue: ReturnType<typeof queue.fake>
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => {
    fakeQueue = queue.fake()
    return () => queue.restore()
  })
  group.each.setup(() => limiter.clear())

  test('a request is pending, against the text shown, and queues its confirmation by id', async ({
    assert,
  }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const result = await new RequestSubscription().handle({
      listId: list.id,
      email: ' Ida@Example.org ',
      name: 'Ida',
      source: 'form',
      ip: '192.0.2.7',
    })
    assert.equal(result.status, 'confirmation_sent')
    const subscription = await Subscription.query()
      .preload('subscriber')
      .preload('consentText')
      .firstOrFail()
    assert.equal(subscription.status, 'pending')
    assert.equal(subscription.subscriber.email, 'ida@example.org')
    assert.equal(subscription.consentText.version, 1)
    assert.equal(subscription.requestIp, '192.0.2.7')
    // Nameless until confirmed: the name waits with the request.
    assert.isNull(subscription.subscriber.name)
    assert.equal(subscription.pendingRequest?.name, 'Ida')
    assert.equal(subscription.pendingRequest?.consentTextId, subscription.consentTextId)
    fakeQueue.assertPushed(SendSubscriptionConfirmationJob, {
      payload: { subscriptionId: subscription.id },
    })
  })

  test('a bounced or complained address is never asked again', async ({ assert }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    for (const state of ['bounced', 'complained'] as const) {
      const subscriber = await SubscriberFactory.apply(state).create()
      const result = await new RequestSubscription().handle({
        listId: list.id,
        email: subscriber.email!,
        name: null,
        source: 'form',
        ip: null,
      })
      assert.equal(result.status, 'suppressed')
    }
    fakeQueue.assertNothingPushed()
  })

  test('an active reader is not asked again', async ({ assert }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const subscriber = await SubscriberFactory.create()
    await Subscription.create({
      subscriberId: subscriber.id,
      listId: list.id,
      status: 'active',
      source: 'form',
      requestedAt: DateTime.now(),
      confirmedAt: DateTime.now(),
    })
    const result = await new RequestSubscription().handle({
      listId: list.id,
      email: subscriber.email!,
      name: null,
      source: 'form',
      ip: null,
    })
    assert.equal(result.status, 'already_subscribed')
  })

  test('confirming activates once, and lifts the reader’s own earlier unsubscribe', async ({
    assert,
  }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const subscriber = await SubscriberFactory.apply('unsubscribed').create()
    const token = await mailedToken(
      await Subscription.create({
        subscriberId: subscriber.id,
        listId: list.id,
        status: 'pending',
        source: 'form',
        requestedAt: DateTime.now(),
        pendingRequest: pendingRequestFor(list),
      })
    )
    const result = await new ConfirmSubscription().handle({ token, ip: null })
    assert.equal(result.status, 'confirmed')
    const subscription = await Subscription.firstOrFail()
    assert.equal(subscription.status, 'active')
    assert.isNotNull(subscription.confirmedAt)
    assert.isNull((await Subscriber.findOrFail(subscriber.id)).suppressedReason)
    assert.equal(
      (await new ConfirmSubscription().handle({ token, ip: null })).status,
      'invalid_link'
    )
  })

  test('an expired confirmation link does nothing', async ({ assert }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const subscriber = await SubscriberFactory.create()
    const token = await mailedToken(
      await Subscription.create({
        subscriberId: subscriber.id,
        listId: list.id,
        status: 'pending',
        source: 'form',
        requestedAt: DateTime.now().minus({ days: 8 }),
        pendingRequest: pendingRequestFor(list),
      }),
      -1
    )
    assert.equal(
      (await new ConfirmSubscription().handle({ token, ip: null })).status,
      'invalid_link'
    )
    assert.equal((await Subscription.firstOrFail()).status, 'pending')
  })
})
