import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Subscription from '#newsletters/models/subscription'
import Subscriber from '#newsletters/models/subscriber'
import AuditEvent from '#audit/models/audit_event'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { readerToken } from '#newsletters/reader_links'
import { RequestSubscription } from '#newsletters/actions/request_subscription'
import { ConfirmSubscription } from '#newsletters/actions/confirm_subscription'
import { mailedToken } from '#tests/helpers/newsletters'

async function readerOnTwoLists() {
  const nyhedsbrev = await NewsletterListFactory.merge({ name: 'Nyhedsbrev' })
    .with('consentTexts', 1)
    .create()
  const medlemsnyt = await NewsletterListFactory.merge({ name: 'Medlemsnyt' })
    .with('consentTexts', 1)
    .create()
  const subscriber = await SubscriberFactory.merge({ email: 'ida@example.org' }).create()
  for (const list of [nyhedsbrev, medlemsnyt]) {
    await Subscription.create({
      subscriberId: subscriber.id,
      listId: list.id,
      status: 'active',
      source: 'form',
      requestedAt: DateTime.now(),
      confirmedAt: DateTime.now(),
    })
  }
  return { subscriber, nyhedsbrev, medlemsnyt, token: readerToken('unsubscribe', subscriber.id) }
}

test.group('Unsubscribing', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the one-click POST needs no login, page or CSRF token, and suppresses the address', async ({
    client,
    assert,
  }) => {
    const { subscriber, token } = await readerOnTwoLists()
    const response = await client
      .post(`/u/${token}`)
      .header('content-type', 'application/x-www-form-urlencoded')
      .form({ 'List-Unsubscribe': 'One-Click' })
    response.assertStatus(200)
    response.assertTextIncludes('Du er afmeldt')
    const statuses = (await Subscription.query().where('subscriber_id', subscriber.id)).map(
      (s) => s.status
    )
    assert.deepEqual(statuses, ['unsubscribed', 'unsubscribed'])
    assert.equal((await Subscriber.findOrFail(subscriber.id)).suppressedReason, 'unsubscribed')
    assert.exists(await AuditEvent.findBy('action', 'subscription.withdrawn'))
  })

  test('a changed token is a 404 and changes nothing', async ({ client, assert }) => {
    const { subscriber, token } = await readerOnTwoLists()
    const response = await client.post(`/u/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)
    response.assertStatus(404)
    assert.isNull((await Subscriber.findOrFail(subscriber.id)).suppressedReason)
  })

  test('the footer link’s page lets the reader keep some lists', async ({ client, assert }) => {
    const { subscriber, medlemsnyt, token } = await readerOnTwoLists()
    const page = await client.get(`/u/${token}`)
    page.assertStatus(200)
    page.assertTextIncludes('Nyhedsbrev')
    page.assertTextIncludes('Medlemsnyt')

    const keep = await client
      .post(`/u/${token}/preferences`)
      .form({ 'lists[]': [String(medlemsnyt.id)] })
      .withCsrfToken()
    keep.assertTextIncludes('Dine valg er gemt.')
    const byList = Object.fromEntries(
      (await Subscription.query().where('subscriber_id', subscriber.id).preload('list')).map(
        (s) => [s.list.name, s.status]
      )
    )
    assert.deepEqual(byList, { Nyhedsbrev: 'unsubscribed', Medlemsnyt: 'active' })
    assert.isNull((await Subscriber.findOrFail(subscriber.id)).suppressedReason)
  })

  test('an unsubscribed reader can only come back by subscribing and confirming again', async ({
    client,
    assert,
  }) => {
    const { subscriber, nyhedsbrev, token } = await readerOnTwoLists()
    await client.post(`/u/${token}`)
    const again = await new RequestSubscription().handle({
      listId: nyhedsbrev.id,
      email: 'ida@example.org',
      name: null,
      source: 'form',
      ip: null,
    })
    assert.equal(again.status, 'confirmation_sent')
    const subscription = await Subscription.query()
      .where('subscriber_id', subscriber.id)
      .where('list_id', nyhedsbrev.id)
      .firstOrFail()
    // Asking is not consenting: the withdrawal stands until the link in the mail is followed.
    assert.equal(subscription.status, 'unsubscribed')
    assert.isNotNull(subscription.unsubscribedAt)
    assert.isNotNull(subscription.pendingRequest)
    assert.equal((await Subscriber.findOrFail(subscriber.id)).suppressedReason, 'unsubscribed')

    const confirmed = await new ConfirmSubscription().handle({
      token: await mailedToken(subscription),
      ip: null,
    })
    assert.equal(confirmed.status, 'confirmed')
    await subscription.refresh()
    assert.equal(subscription.status, 'active')
    assert.isNull(subscription.unsubscribedAt)
    assert.isNull((await Subscriber.findOrFail(subscriber.id)).suppressedReason)
  })
})
