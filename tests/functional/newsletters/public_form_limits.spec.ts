import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Subscriber from '#newsletters/models/subscriber'
import NewsletterForward from '#newsletters/models/newsletter_forward'
import { readerToken } from '#newsletters/reader_links'
import { sentIssueFor, subscribeTo } from '#tests/helpers/newsletters'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { recipientsOf, startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'

/*
| The app trusts X-Forwarded-For from a proxy on this machine only, and the
| test client is on this machine: the header stands for the visitor's IP.
*/

const CHECK_MAIL =
  'Tak! Se din indbakke: du skal bekræfte tilmeldingen via linket i den mail, vi har sendt.'

/** A public list, and a reader's share link to an issue sent to it. */
async function listWithShareLink() {
  const list = await NewsletterListFactory.with('consentTexts', 1).create()
  const sharer = await SubscriberFactory.create()
  await subscribeTo(sharer, list)
  const { delivery } = await sentIssueFor(list, sharer)
  return { list, delivery, token: readerToken('share', delivery.id) }
}

/** Everything a subscribe request writes. */
async function requestTraces() {
  const [subscribers, subscriptions, events] = await Promise.all([
    db.from('subscribers').orderBy('id'),
    db.from('subscriptions').orderBy('id'),
    db.from('audit_events').where('action', 'subscription.requested').count('* as total'),
  ])
  return { subscribers, subscriptions, requests: Number(events[0].total) }
}

async function settle(catcher: MailCatcher, count: number) {
  await catcher.waitFor(() => catcher.messages.length >= count)
  // Time for a mail that should not come to arrive.
  await new Promise((resolve) => setTimeout(resolve, 400))
}

test.group('Limits on confirmation mails', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('one address gets three confirmation mails an hour, whichever form and IP asks; later asks get the same answer and write nothing', async ({
    client,
    assert,
  }) => {
    const { list, token } = await listWithShareLink()
    const publicForm = (ip: string) =>
      client
        .post(`/nyhedsbrev/${list.slug}`)
        .header('x-forwarded-for', ip)
        .form({ email: 'ida@example.org', consent: '1' })
        .withCsrfToken()
        .redirects(0)
    const embedded = (ip: string) =>
      client
        .post(`/nyhedsbrev/${list.slug}/indlejret`)
        .header('x-forwarded-for', ip)
        .form({ email: 'Ida@Example.org ', consent: 'on' })
    const share = (ip: string) =>
      client
        .post(`/del/${token}/tilmeld`)
        .header('x-forwarded-for', ip)
        .form({ email: 'ida@example.org', consent: 'on', list_id: list.id })
        .withCsrfToken()
        .redirects(0)

    ;(await publicForm('198.51.100.1')).assertFlashMessage('success', CHECK_MAIL)
    ;(await embedded('198.51.100.2')).assertTextIncludes('Se din indbakke')
    ;(await share('198.51.100.3')).assertFlashMessage('success', CHECK_MAIL)
    await settle(catcher, 3)
    const before = await requestTraces()

    const fourth = await publicForm('198.51.100.4')
    fourth.assertStatus(302)
    fourth.assertFlashMessage('success', CHECK_MAIL)
    const fifth = await embedded('198.51.100.5')
    fifth.assertStatus(200)
    fifth.assertTextIncludes('Se din indbakke')
    ;(await share('198.51.100.6')).assertFlashMessage('success', CHECK_MAIL)
    await settle(catcher, 3)
    assert.lengthOf(catcher.messages, 3)
    assert.deepEqual(await requestTraces(), before)

    // Another address from the same IPs is not held up by it.
    await client
      .post(`/nyhedsbrev/${list.slug}/indlejret`)
      .header('x-forwarded-for', '198.51.100.5')
      .form({ email: 'bo@example.org', consent: 'on' })
    await catcher.waitFor((m) => recipientsOf(m).includes('bo@example.org'))
  })

  test('one IP is stopped after ten requests over the embedded form and the share page, with 429 and nothing written', async ({
    client,
    assert,
  }) => {
    const { list, token } = await listWithShareLink()
    for (let index = 1; index <= 10; index++) {
      const response = await client
        .post(`/nyhedsbrev/${list.slug}/indlejret`)
        .header('x-forwarded-for', '203.0.113.7')
        .form({ email: `laeser${index}@example.org`, consent: 'on' })
      response.assertStatus(200)
    }
    await settle(catcher, 10)
    const before = await requestTraces()

    const embedded = await client
      .post(`/nyhedsbrev/${list.slug}/indlejret`)
      .header('x-forwarded-for', '203.0.113.7')
      .form({ email: 'ny@example.org', consent: 'on' })
    embedded.assertStatus(429)
    embedded.assertTextIncludes('For mange forsøg')
    const share = await client
      .post(`/del/${token}/tilmeld`)
      .header('x-forwarded-for', '203.0.113.7')
      .form({ email: 'ny@example.org', consent: 'on', list_id: list.id })
      .withCsrfToken()
      .redirects(0)
    share.assertStatus(429)
    await settle(catcher, 10)
    assert.lengthOf(catcher.messages, 10)
    assert.deepEqual(await requestTraces(), before)
    assert.isNull(await Subscriber.findBy('email', 'ny@example.org'))
  })
})

test.group('Forward limit per copy', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('a zero-padded share token is no new copy with a fresh allowance', async ({
    client,
    assert,
  }) => {
    const { token, delivery } = await listWithShareLink()
    const forward = (path: string, email: string) =>
      client.post(`/del/${path}/videresend`).form({ email }).withCsrfToken().redirects(0)
    for (let index = 1; index <= 5; index++) {
      ;(await forward(token, `kollega${index}@example.org`)).assertStatus(302)
    }
    ;(await forward(`0${token}`, 'kollega6@example.org')).assertStatus(404)
    ;(await forward(`00${token}`, 'kollega7@example.org')).assertStatus(404)
    ;(await forward(token, 'kollega8@example.org')).assertStatus(429)
    await settle(catcher, 5)
    assert.lengthOf(catcher.messages, 5)
    assert.lengthOf(await NewsletterForward.query().where('delivery_id', delivery.id), 5)
  })
})
