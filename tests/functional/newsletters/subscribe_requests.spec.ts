import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Subscription from '#newsletters/models/subscription'
import Subscriber from '#newsletters/models/subscriber'
import AuditEvent from '#audit/models/audit_event'
import type NewsletterList from '#newsletters/models/newsletter_list'
import { readerToken } from '#newsletters/reader_links'
import { sentIssueFor, subscribeTo } from '#tests/helpers/newsletters'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import {
  findLink,
  recipientsOf,
  startMailCatcher,
  type MailCatcher,
} from '#tests/helpers/mail_catcher'

/** What the rows say of a reader: their name, and each subscription's consent and withdrawal. */
async function readerRecord(subscriber: Subscriber) {
  const reader = await db.from('subscribers').where('id', subscriber.id).select('name').first()
  const subscriptions = await db
    .from('subscriptions')
    .where('subscriber_id', subscriber.id)
    .orderBy('id')
    .select(
      'list_id',
      'status',
      'consent_text_id',
      'source',
      'requested_at',
      'request_ip',
      'confirmed_at',
      'unsubscribed_at'
    )
  return { name: reader.name, subscriptions }
}

/** Ida: on one list, and gone from another since March. */
async function idaOnOneListLeftAnother() {
  const active = await NewsletterListFactory.merge({ name: 'Medlemsnyt' })
    .with('consentTexts', 1)
    .create()
  const left = await NewsletterListFactory.merge({ name: 'Kursusnyt' })
    .with('consentTexts', 1)
    .create()
  const ida = await SubscriberFactory.merge({ email: 'ida@example.org', name: 'Ida Holm' }).create()
  await subscribeTo(ida, active)
  const withdrawnAt = DateTime.fromISO('2024-03-01T10:00:00')
  await (
    await subscribeTo(ida, left)
  )
    .merge({ status: 'unsubscribed', unsubscribedAt: withdrawnAt })
    .save()
  return { ida, active, left, withdrawnAt }
}

function embeddedPost(client: ApiClient, list: NewsletterList, form: object) {
  // As a browser on another site sends it: no session, no CSRF token.
  return client.post(`/nyhedsbrev/${list.slug}/indlejret`).form({ consent: 'on', ...form })
}

test.group('A subscribe request changes nothing until it is confirmed', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('a stranger’s embedded-form post for a reader’s address renames no one and touches no subscription', async ({
    client,
    assert,
  }) => {
    const { ida, active, left, withdrawnAt } = await idaOnOneListLeftAnother()
    const before = await readerRecord(ida)

    for (const list of [left, active]) {
      const response = await embeddedPost(client, list, {
        email: 'IDA@example.org',
        name: 'Mallory',
      })
      response.assertStatus(200)
      response.assertTextIncludes('Se din indbakke')
    }
    assert.deepEqual(await readerRecord(ida), before)

    // Only the list she had left asks her; the mail greets her by her own name.
    const message = await catcher.waitFor((m) => recipientsOf(m).includes('ida@example.org'))
    assert.equal(message.subject, 'Bekræft din tilmelding til Kursusnyt')
    assert.include(message.text!, 'Ida Holm')
    assert.notInclude(message.text!, 'Mallory')
    assert.notInclude(message.headers.get('to')?.toString() ?? '', 'Mallory')
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(catcher.messages, 1)

    // She follows the link herself: now she is back, and the log keeps when she had left.
    await client.post(findLink(message, '/nyhedsbrev/bekraeft/').pathname).withCsrfToken()
    const rejoined = await Subscription.query().where('list_id', left.id).firstOrFail()
    assert.equal(rejoined.status, 'active')
    assert.isNotNull(rejoined.confirmedAt)
    assert.equal((await Subscriber.findOrFail(ida.id)).name, 'Ida Holm')
    const confirmed = await AuditEvent.query()
      .where('action', 'subscription.confirmed')
      .firstOrFail()
    assert.equal(confirmed.changes?.unsubscribed_at.from, withdrawnAt.toISO())
  })

  test('an unsubscribed reader’s withdrawal time survives requests from every public form', async ({
    client,
    assert,
  }) => {
    const { ida, left } = await idaOnOneListLeftAnother()
    const sharer = await SubscriberFactory.create()
    await subscribeTo(sharer, left)
    const { delivery } = await sentIssueFor(left, sharer)
    const before = await readerRecord(ida)

    await client
      .post(`/nyhedsbrev/${left.slug}`)
      .form({ email: 'ida@example.org', name: 'Mallory', consent: '1' })
      .withCsrfToken()
      .redirects(0)
    await client
      .post(`/del/${readerToken('share', delivery.id)}/tilmeld`)
      .form({ email: 'ida@example.org', name: 'Mallory', consent: 'on', list_id: left.id })
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(await readerRecord(ida), before)
    const row = await Subscription.query()
      .where('list_id', left.id)
      .where('subscriber_id', ida.id)
      .firstOrFail()
    assert.equal(row.pendingRequest?.source, 'share')
  })

  test('a new reader is nameless until confirming; the mail greets them by the name they gave', async ({
    client,
    assert,
  }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    await embeddedPost(client, list, { email: 'bo@example.org', name: 'Bo Berg' })
    const bo = await Subscriber.findByOrFail('email', 'bo@example.org')
    assert.isNull(bo.name)
    const subscription = await Subscription.findByOrFail('subscriber_id', bo.id)
    assert.equal(subscription.status, 'pending')
    assert.equal(subscription.source, 'form')

    const message = await catcher.waitFor((m) => recipientsOf(m).includes('bo@example.org'))
    assert.include(message.text!, 'Bo Berg')
    await client.post(findLink(message, '/nyhedsbrev/bekraeft/').pathname).withCsrfToken()
    assert.equal((await Subscriber.findOrFail(bo.id)).name, 'Bo Berg')
  })
})
