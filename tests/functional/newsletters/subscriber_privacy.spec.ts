import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { RecordMailEvents } from '#newsletters/actions/record_mail_events'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Subscriber from '#newsletters/models/subscriber'
import Subscription from '#newsletters/models/subscription'
import AuditEvent from '#audit/models/audit_event'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import NewsletterForward from '#newsletters/models/newsletter_forward'
import ShareEvent from '#newsletters/models/share_event'
import { ImportSubscribers } from '#newsletters/actions/import_subscribers'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { Actors } from '#audit/actor'

async function reader() {
  const list = await NewsletterListFactory.merge({ name: 'Nyhedsbrev' })
    .with('consentTexts', 1)
    .create()
  const subscriber = await SubscriberFactory.merge({
    email: 'ida@example.org',
    name: 'Ida',
  }).create()
  await list.load('consentTexts')
  await Subscription.create({
    consentTextId: list.consentTexts[0].id,
    subscriberId: subscriber.id,
    listId: list.id,
    status: 'active',
    source: 'form',
    requestedAt: DateTime.fromISO('2021-02-01T10:00:00Z'),
    requestIp: '192.0.2.7',
    confirmedAt: DateTime.fromISO('2021-02-01T10:05:00Z'),
  })
  await AuditEvent.create({
    actorType: 'system',
    actorId: null,
    actorLabel: 'subscribe form (form)',
    module: 'newsletters',
    action: 'subscription.requested',
    details: { email: 'ida@example.org', list: 'Nyhedsbrev', version: 1 },
    subjectType: 'subscriber',
    subjectId: String(subscriber.id),
  })
  // Ida got an issue, her share link was viewed, and she forwarded it to a colleague.
  const issue = await NewsletterIssue.create({
    subject: 'Velkommen',
    bodyMjml: 'x',
    compiledHtml: '<html><body>x</body></html>',
    status: 'sent',
    createdBy: 'test',
  })
  const delivery = await NewsletterDelivery.create({
    issueId: issue.id,
    subscriberId: subscriber.id,
    status: 'sent',
    attempts: 1,
  })
  await ShareEvent.create({
    deliveryId: delivery.id,
    issueId: issue.id,
    sharerId: subscriber.id,
    kind: 'view',
  })
  await NewsletterForward.create({
    deliveryId: delivery.id,
    recipientEmail: 'kollega@example.org',
    recipientHash: 'x',
    note: 'Hej fra Ida',
    status: 'sent',
  })
  return { list, subscriber }
}

test.group('A subscriber’s data', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('are exported with the evidence of each consent', async ({ client, assert }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const { subscriber } = await reader()
    const response = await client
      .get(`/newsletters/subscribers/${subscriber.id}/data`)
      .loginAs(secretariat)
    response.assertStatus(200)
    const data = JSON.parse(response.text())
    assert.equal(data.reader.email, 'ida@example.org')
    assert.deepInclude(data.subscriptions[0], {
      list: 'Nyhedsbrev',
      source: 'form',
      request_ip: '192.0.2.7',
    })
    assert.equal(data.subscriptions[0].consent_text.version, 1)
    assert.deepInclude(data.issues_received[0], { issue: 'Velkommen', status: 'sent' })
    assert.deepInclude(data.sharing[0], { subject: 'Velkommen', views: 1 })
    assert.equal(data.forwards_sent, 1)
    assert.exists(await AuditEvent.findBy('action', 'subscriber.data_exported'))
  })

  test('are erased, from the log too, and no import brings the person back', async ({
    client,
    assert,
  }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const { list, subscriber } = await reader()
    await new RecordMailEvents().handle([
      {
        type: 'soft',
        email: 'ida@example.org',
        deliveryId: null,
        detail: '4.2.2 full',
        source: 'json',
      },
    ])
    const response = await client
      .post(`/newsletters/subscribers/${subscriber.id}/erasure`)
      .form({ confirmation: 'SLET' })
      .loginAs(secretariat)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', 'Abonnentens data er slettet.')

    await subscriber.refresh()
    assert.isNull(subscriber.email)
    assert.isNull(subscriber.name)
    assert.isNotNull(subscriber.erasedAt)
    const subscription = await Subscription.findByOrFail('subscriber_id', subscriber.id)
    assert.equal(subscription.status, 'unsubscribed')
    assert.isNull(subscription.requestIp)
    assert.notInclude(JSON.stringify(await AuditEvent.all()), 'ida@example.org')
    const forward = await NewsletterForward.firstOrFail()
    assert.equal(forward.recipientEmail, '[slettet]')
    assert.isNull(forward.note)
    const bounce = await db.from('mail_events').firstOrFail()
    assert.deepInclude(bounce, { email: '[slettet]', detail: null, subscriber_id: subscriber.id })

    const result = await new ImportSubscribers().handle(
      {
        listId: list.id,
        file: Buffer.from('E-mail;Tilmeldt\r\nida@example.org;01-03-2021 10:00\r\n'),
        fileName: 'gammel-liste.csv',
        dryRun: false,
      },
      Actors.system('test')
    )
    assert.equal(result.status, 'imported')
    if (result.status !== 'imported') return
    assert.deepEqual(result.summary.suppressed, ['ida@example.org'])
    assert.lengthOf(await Subscriber.query().where('email', 'ida@example.org'), 0)
  })

  test('the board may neither export nor erase', async ({ client, assert }) => {
    const board = await UserFactory.apply('board').create()
    const { subscriber } = await reader()
    ;(
      await client.get(`/newsletters/subscribers/${subscriber.id}/data`).loginAs(board)
    ).assertStatus(403)
    ;(
      await client
        .post(`/newsletters/subscribers/${subscriber.id}/erasure`)
        .form({ confirmation: 'SLET' })
        .loginAs(board)
        .withCsrfToken()
    ).assertStatus(403)
    await subscriber.refresh()
    assert.equal(subscriber.email, 'ida@example.org')
  })
})
