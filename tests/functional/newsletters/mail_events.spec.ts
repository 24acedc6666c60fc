import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import Subscriber from '#newsletters/models/subscriber'
import { queueDeliveries } from '#newsletters/sending/recipients'
import { bounceToken } from '#newsletters/reader_links'
import { UserFactory } from '#database/factories/user_factory'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { subscribeTo } from '#tests/helpers/newsletters'

const SECRET = 'test-mail-events-secret'

/** An RFC 3464 report as a receiving server sends it back to the return path. */
function deliveryStatus(options: {
  returnPath: string
  recipient: string
  action: 'failed' | 'delayed' | 'delivered'
  status: string
  messageId?: string
}) {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
    `To: ${options.returnPath}`,
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system. Your message could not be delivered.',
    '',
    '--b1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    'Arrival-Date: Tue, 24 Nov 2026 10:00:00 +0000',
    '',
    `Final-Recipient: rfc822; ${options.recipient}`,
    `Action: ${options.action}`,
    `Status: ${options.status}`,
    `Diagnostic-Code: smtp; ${options.status.startsWith('5') ? '550' : '451'} ${options.status} mailbox`,
    '  unavailable',
    '',
    '--b1',
    'Content-Type: text/rfc822-headers',
    '',
    `Message-ID: ${options.messageId ?? '<other@example.org>'}`,
    'Subject: Nyhedsbrev',
    '',
    '--b1--',
    '',
  ].join('\r\n')
}

/** Posts a report as a mail server's pipe would: the message as the body, nothing else. */
async function postRaw(
  raw: string,
  type = 'multipart/report; report-type=delivery-status; boundary="b1"'
) {
  const response = await fetch(new URL('/webhooks/mail-events', env.get('APP_URL')), {
    method: 'POST',
    headers: { 'authorization': `Bearer ${SECRET}`, 'content-type': type },
    body: raw,
  })
  const body = (await response.json()) as Record<string, unknown>
  return {
    status: () => response.status,
    body: () => body,
    assertStatus: (status: number) => {
      if (response.status !== status)
        throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(body)}`)
    },
    assertBodyContains: (subset: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(subset))
        if (body[key] !== value)
          throw new Error(`expected ${key}=${value} in ${JSON.stringify(body)}`)
    },
  }
}

async function sentIssueWith(count: number) {
  const list = await NewsletterListFactory.create()
  const readers = await SubscriberFactory.createMany(count)
  for (const reader of readers) await subscribeTo(reader, list)
  const issue = await NewsletterIssue.create({
    subject: 'Udgave',
    bodyMjml: 'x',
    compiledHtml: '<p>Hej {{ first_name }}</p>',
    status: 'sent',
    createdBy: 'test',
  })
  await issue.related('lists').attach([list.id])
  await db.transaction((trx) => queueDeliveries(trx, issue.id))
  await NewsletterDelivery.query().where('issue_id', issue.id).update({ status: 'sent' })
  const deliveries = await NewsletterDelivery.query().where('issue_id', issue.id).orderBy('id')
  return { issue, readers, deliveries }
}

test.group('Mail events webhook', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('no token, a wrong token or a bad event is refused and changes nothing', async ({
    client,
    assert,
  }) => {
    const reader = await SubscriberFactory.create()
    const event = { email: reader.email, type: 'hard' }
    const missing = await client.post('/webhooks/mail-events').json(event)
    missing.assertStatus(401)
    const wrong = await client
      .post('/webhooks/mail-events')
      .header('authorization', 'Bearer not-the-secret')
      .json(event)
    wrong.assertStatus(401)
    const badType = await client
      .post('/webhooks/mail-events')
      .header('authorization', `Bearer ${SECRET}`)
      .json({ email: reader.email, type: 'angry' })
    badType.assertStatus(422)
    assert.match(badType.body().error, /type/)
    const notReport = await postRaw('Subject: hello\r\n\r\njust a mail\r\n', 'message/rfc822')
    notReport.assertStatus(422)
    // One bad event in a batch refuses the whole post.
    const mixed = await client
      .post('/webhooks/mail-events')
      .header('authorization', `Bearer ${SECRET}`)
      .json([event, { email: 'not an address', type: 'hard' }])
    mixed.assertStatus(422)
    // A batch is a batch: more than a thousand events in one post are refused before any is read.
    const flood = await client
      .post('/webhooks/mail-events')
      .header('authorization', `Bearer ${SECRET}`)
      .json(Array.from({ length: 1001 }, () => event))
    flood.assertStatus(413)
    assert.match(flood.body().error, /At most 1000 events/)

    await reader.refresh()
    assert.isNull(reader.suppressedReason)
    const events = await db.from('mail_events').count('* as total').first()
    assert.equal(Number(events.total), 0)
  })

  test('a JSON hard bounce or complaint suppresses at once; soft bounces on the third in 30 days', async ({
    client,
    assert,
  }) => {
    const { issue, readers, deliveries } = await sentIssueWith(4)
    const post = (body: object) =>
      client.post('/webhooks/mail-events').header('authorization', `Bearer ${SECRET}`).json(body)

    const hard = await post({
      email: readers[0].email!.toUpperCase(),
      type: 'hard',
      message_id: `<kreds.${issue.id}.${deliveries[0].id}.1@127.0.0.1>`,
    })
    hard.assertStatus(200)
    hard.assertBodyContains({ recorded: 1, suppressed: 1 })
    const complaint = await post({ email: readers[1].email, type: 'complaint' })
    complaint.assertBodyContains({ suppressed: 1 })

    for (let time = 1; time <= 2; time++) {
      const soft = await post({ email: readers[2].email, type: 'soft' })
      soft.assertBodyContains({ recorded: 1, suppressed: 0 })
    }
    // An old soft bounce does not count towards the three.
    const [oldest] = await db
      .from('mail_events')
      .where('subscriber_id', readers[2].id)
      .orderBy('id')
      .limit(1)
    await db
      .from('mail_events')
      .where('id', oldest.id)
      .update({ created_at: '2020-01-01 00:00:00' })
    ;(await post({ email: readers[2].email, type: 'soft' })).assertBodyContains({ suppressed: 0 })
    ;(await post({ email: readers[2].email, type: 'soft' })).assertBodyContains({ suppressed: 1 })

    const states = await Subscriber.query()
      .whereIn(
        'id',
        readers.map((reader) => reader.id)
      )
      .orderBy('id')
    assert.deepEqual(
      states.map((state) => state.suppressedReason),
      ['bounced', 'complained', 'bounced', null]
    )
    const hardEvent = await db.from('mail_events').where('type', 'hard').first()
    assert.equal(hardEvent.delivery_id, deliveries[0].id)
    assert.equal(hardEvent.issue_id, issue.id)
  })

  test('an RFC 3464 report to the return path is matched to its delivery and counted on the issue page', async ({
    client,
    assert,
  }) => {
    const { issue, readers, deliveries } = await sentIssueWith(3)
    const post = (raw: string) => postRaw(raw)

    const failed = await post(
      deliveryStatus({
        // The recipient's server reports the address it knows; the return path names the delivery.
        returnPath: `bounces+${bounceToken(deliveries[0].id)}@example.org`,
        recipient: 'alias-of-reader@example.net',
        action: 'failed',
        status: '5.1.1',
      })
    )
    assert.equal(failed.status(), 200, JSON.stringify(failed.body()))
    failed.assertBodyContains({ recorded: 1, suppressed: 1 })
    const delayed = await post(
      deliveryStatus({
        returnPath: 'bounces@example.org',
        recipient: readers[1].email!,
        action: 'delayed',
        status: '4.2.2',
        messageId: `<kreds.${issue.id}.${deliveries[1].id}.1@127.0.0.1>`,
      })
    )
    delayed.assertBodyContains({ recorded: 1, suppressed: 0 })
    const delivered = await post(
      deliveryStatus({
        returnPath: 'bounces@example.org',
        recipient: readers[2].email!,
        action: 'delivered',
        status: '2.0.0',
      })
    )
    delivered.assertBodyContains({ recorded: 0 })

    await readers[0].refresh()
    assert.equal(readers[0].suppressedReason, 'bounced')
    const soft = await db.from('mail_events').where('type', 'soft').first()
    assert.equal(soft.delivery_id, deliveries[1].id)
    assert.match(soft.detail, /^4\.2\.2 smtp; 451 4\.2\.2 mailbox unavailable$/)

    const secretariat = await UserFactory.apply('secretariat').create()
    const page = await client.get(`/newsletters/issues/${issue.id}`).loginAs(secretariat)
    page.assertStatus(200)
    page.assertTextIncludes('Hårde bounces: 1 · bløde bounces: 1 · klager: 0')
  })
})
