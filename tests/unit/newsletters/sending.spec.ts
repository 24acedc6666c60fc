import { test } from '@japa/runner'
import env from '#start/env'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import Subscription from '#newsletters/models/subscription'
import type NewsletterList from '#newsletters/models/newsletter_list'
import { queueDeliveries } from '#newsletters/sending/recipients'
import { SendDeliveryBatch } from '#newsletters/actions/send_delivery_batch'
import { ResumeInterruptedSends } from '#newsletters/actions/resume_interrupted_sends'
import { retryDelayMinutes } from '#newsletters/sending/retry'
import { sqlTimestamp } from '#shared/sql_time'
import { envelopeFor, listHeaders, messageIdFor } from '#newsletters/sending/reader_copy'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { subscribeTo } from '#tests/helpers/newsletters'

async function issueFor(lists: NewsletterList[], status: 'draft' | 'sending' = 'sending') {
  const issue = await NewsletterIssue.create({
    subject: 'Udgave',
    bodyMjml: 'x',
    compiledHtml:
      '<html><body><p>Hej {{ first_name }}</p><a href="{{ unsubscribe_url }}">Afmeld</a></body></html>',
    status,
    createdBy: 'test',
  })
  await issue.related('lists').attach(lists.map((list) => list.id))
  return issue
}

test.group('Queueing deliveries', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('one row per active reader across lists; suppressed, erased, pending and departed get none; twice makes none', async ({
    assert,
  }) => {
    const [first, second] = await NewsletterListFactory.createMany(2)
    const both = await SubscriberFactory.create()
    await subscribeTo(both, first)
    await subscribeTo(both, second)
    const one = await SubscriberFactory.create()
    await subscribeTo(one, second)
    for (const state of ['bounced', 'complained', 'unsubscribed'] as const) {
      await subscribeTo(await SubscriberFactory.apply(state).create(), first)
    }
    const erased = await SubscriberFactory.merge({ email: null, erasedAt: DateTime.now() }).create()
    await subscribeTo(erased, first)
    await subscribeTo(await SubscriberFactory.create(), first, 'pending')
    await subscribeTo(await SubscriberFactory.create(), first, 'unsubscribed')
    const issue = await issueFor([first, second], 'draft')

    const queued = await db.transaction((trx) => queueDeliveries(trx, issue.id))
    assert.equal(queued, 2)
    const again = await db.transaction((trx) => queueDeliveries(trx, issue.id))
    assert.equal(again, 0)
    const rows = await NewsletterDelivery.query()
      .where('issue_id', issue.id)
      .orderBy('subscriber_id')
    assert.deepEqual(
      rows.map((row) => [row.subscriberId, row.status]),
      [
        [both.id, 'queued'],
        [one.id, 'queued'],
      ]
    )
  })
})

test.group('Sending a batch', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('a reader suppressed or gone after queueing is not mailed; the rest are', async ({
    assert,
  }) => {
    const list = await NewsletterListFactory.create()
    const readers = await SubscriberFactory.createMany(3)
    for (const reader of readers) await subscribeTo(reader, list)
    const issue = await issueFor([list])
    await db.transaction((trx) => queueDeliveries(trx, issue.id))
    readers[1].merge({ suppressedReason: 'complained' })
    await readers[1].save()
    await Subscription.query()
      .where('subscriber_id', readers[2].id)
      .update({ status: 'unsubscribed' })

    const ids = (await NewsletterDelivery.query().where('issue_id', issue.id)).map((row) => row.id)
    const outcome = await new SendDeliveryBatch().handle({ issueId: issue.id, deliveryIds: ids })
    assert.deepInclude(outcome, { sent: 1, failed: 2 })
    assert.lengthOf(catcher.messages, 1)
    const rows = await NewsletterDelivery.query().where('issue_id', issue.id).orderBy('id')
    assert.deepEqual(
      rows.map((row) => row.status),
      ['sent', 'failed', 'failed']
    )
    assert.match(rows[1].error!, /suppressed \(complained\)/)
    assert.match(rows[2].error!, /unsubscribed/)
    await issue.refresh()
    assert.equal(issue.status, 'sent')
  })

  test('a paused issue sends nothing, and a row already taken is not sent twice', async ({
    assert,
  }) => {
    const list = await NewsletterListFactory.create()
    const reader = await SubscriberFactory.create()
    await subscribeTo(reader, list)
    const issue = await issueFor([list])
    await db.transaction((trx) => queueDeliveries(trx, issue.id))
    const [row] = await NewsletterDelivery.query().where('issue_id', issue.id)

    issue.status = 'paused'
    await issue.save()
    await new SendDeliveryBatch().handle({ issueId: issue.id, deliveryIds: [row.id] })
    assert.lengthOf(catcher.messages, 0)

    issue.status = 'sending'
    await issue.save()
    await new SendDeliveryBatch().handle({ issueId: issue.id, deliveryIds: [row.id] })
    await new SendDeliveryBatch().handle({ issueId: issue.id, deliveryIds: [row.id] })
    assert.lengthOf(catcher.messages, 1)
  })

  test('headers: both ways to unsubscribe, one-click, the list, a Message-ID per attempt', async ({
    assert,
  }) => {
    const list = await NewsletterListFactory.merge({
      name: 'Nyhedsbrev',
      slug: 'nyhedsbrev',
    }).create()
    const issue = await issueFor([list])
    const envelope = (await envelopeFor(issue.id))!
    const headers = listHeaders(envelope, 7)
    assert.match(
      headers['List-Unsubscribe'],
      new RegExp(
        `^<${escapeRegExp(env.get('APP_URL'))}/u/7\\.[\\w-]{22}>, <mailto:[^?]+\\?subject=unsubscribe%207\\.[\\w-]{22}>$`
      )
    )
    assert.equal(headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click')
    assert.equal(headers['List-Id'], 'Nyhedsbrev <nyhedsbrev.127.0.0.1>')
    assert.notEqual(messageIdFor(envelope, 5, 1), messageIdFor(envelope, 5, 2))
    assert.match(messageIdFor(envelope, 5, 1), /^<kreds\.\d+\.5\.1@127\.0\.0\.1>$/)
  })
})

test.group('Temporary refusals and interrupted sends', (group) => {
  let catcher: MailCatcher
  let refusals = 0
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    refusals = 0
    // The first attempt is refused for now (greylisting), the next one taken.
    catcher = await startMailCatcher({
      refuseRecipient: (address) => (address.startsWith('graa') && refusals++ === 0 ? 451 : null),
    })
    return () => catcher.stop()
  })

  test('a 4xx waits with a growing backoff and is sent on the next try; a 5xx fails for good', async ({
    assert,
  }) => {
    const list = await NewsletterListFactory.create()
    const greylisted = await SubscriberFactory.merge({ email: 'graa@example.org' }).create()
    await subscribeTo(greylisted, list)
    const issue = await issueFor([list])
    await db.transaction((trx) => queueDeliveries(trx, issue.id))
    const [row] = await NewsletterDelivery.query().where('issue_id', issue.id)

    const first = await new SendDeliveryBatch().handle({ issueId: issue.id, deliveryIds: [row.id] })
    assert.deepEqual(first.retry, { ids: [row.id], attempts: 1 })
    await row.refresh()
    assert.equal(row.status, 'queued')
    assert.match(row.error!, /451/)
    const waitMinutes = row.retryAt!.diff(DateTime.now(), 'minutes').minutes
    assert.isAbove(waitMinutes, 0.5)
    assert.isBelow(waitMinutes, 1.5)
    assert.deepEqual(
      [1, 2, 3, 4, 9].map((attempt) => retryDelayMinutes(attempt)),
      [1, 5, 15, 30, 30]
    )
    // Until then, resuming sends does not send it early.
    assert.deepEqual((await new ResumeInterruptedSends().handle()).redispatched, [])

    const second = await new SendDeliveryBatch().handle({
      issueId: issue.id,
      deliveryIds: [row.id],
    })
    assert.equal(second.sent, 1)
    await row.refresh()
    assert.equal(row.status, 'sent')
    assert.isNull(row.error)
    assert.lengthOf(catcher.messages, 1)
    await issue.refresh()
    assert.equal(issue.status, 'sent')
  })

  test('claims a dead worker left go back to the queue and the send is picked up again', async ({
    assert,
  }) => {
    const list = await NewsletterListFactory.create()
    const readers = await SubscriberFactory.createMany(3)
    for (const reader of readers) await subscribeTo(reader, list)
    const issue = await issueFor([list])
    issue.sendStartedAt = DateTime.now().minus({ hours: 1 })
    await issue.save()
    await db.transaction((trx) => queueDeliveries(trx, issue.id))
    const rows = await NewsletterDelivery.query().where('issue_id', issue.id).orderBy('id')
    // One was sent and recorded, one was held by a worker that died an hour ago, one never taken.
    const longAgo = sqlTimestamp(DateTime.now().minus({ hours: 1 }))
    await db
      .from('newsletter_deliveries')
      .where('id', rows[0].id)
      .update({ status: 'sent', claimed_at: longAgo, attempts: 1 })
    await db
      .from('newsletter_deliveries')
      .where('id', rows[1].id)
      .update({ status: 'sending', claim: 'dead-worker', claimed_at: longAgo, attempts: 1 })

    // QUEUE_DRIVER=sync in the tests: the batches it dispatches run at once.
    const resumed = await new ResumeInterruptedSends().handle()
    assert.equal(resumed.requeued, 1)
    assert.deepEqual(resumed.redispatched, [issue.id])
    assert.lengthOf(catcher.messages, 2)
    const after = await NewsletterDelivery.query().where('issue_id', issue.id).orderBy('id')
    assert.deepEqual(
      after.map((row) => [row.status, row.attempts]),
      [
        ['sent', 1],
        ['sent', 1],
        ['sent', 1],
      ]
    )
    await issue.refresh()
    assert.equal(issue.status, 'sent')
  })

  test('a scheduled issue whose time passed while nothing ran is started', async ({ assert }) => {
    const list = await NewsletterListFactory.create()
    await subscribeTo(await SubscriberFactory.create(), list)
    const issue = await issueFor([list], 'draft')
    issue.merge({
      status: 'scheduled',
      bodyMjml: '<mj-section><mj-column><mj-text>Hej</mj-text></mj-column></mj-section>',
      scheduledAt: DateTime.now().minus({ minutes: 5 }).toUTC(),
    })
    await issue.save()
    const resumed = await new ResumeInterruptedSends().handle()
    assert.deepEqual(resumed.started, [issue.id])
    await issue.refresh()
    assert.equal(issue.status, 'sent')
    assert.lengthOf(catcher.messages, 1)
  })
})

/** The app's address as a literal inside a pattern. */
function escapeRegExp(text: string) {
  return text.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
