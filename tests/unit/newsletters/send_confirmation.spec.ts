import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import Subscription from '#newsletters/models/subscription'
import type NewsletterList from '#newsletters/models/newsletter_list'
import {
  countRecipients,
  queueDeliveries,
  queuedFingerprint,
  recipientFingerprint,
  recipientsPerList,
} from '#newsletters/sending/recipients'
import { LARGE_SEND, StartIssueSend } from '#newsletters/actions/start_issue_send'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { subscribeTo } from '#tests/helpers/newsletters'
import { Actors } from '#audit/actor'

const BODY =
  '<mj-section><mj-column><mj-text>Hej {{ first_name }}</mj-text></mj-column></mj-section>'

async function draftFor(lists: NewsletterList[]) {
  const issue = await NewsletterIssue.create({
    subject: 'Udgave',
    bodyMjml: BODY,
    status: 'draft',
    createdBy: 'test',
  })
  await issue.related('lists').attach(lists.map((list) => list.id))
  return issue
}

const fingerprint = (issueId: number) => recipientFingerprint(db.connection(), issueId)

test.group('What a send confirmation is checked against', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the readers shown and the rows queued have the same digest; any change of people changes it', async ({
    assert,
  }) => {
    const [first, second] = await NewsletterListFactory.merge([
      { name: 'A-listen' },
      { name: 'B-listen' },
    ]).createMany(2)
    const readers = await SubscriberFactory.createMany(4)
    for (const reader of readers.slice(0, 3)) await subscribeTo(reader, first)
    // On both lists: counted on each, mailed once.
    await subscribeTo(readers[0], second)
    await subscribeTo(readers[3], second, 'pending')
    const issue = await draftFor([first, second])

    assert.equal(await countRecipients(issue.id), 3)
    assert.deepEqual(
      (await recipientsPerList(issue.id)).map((list) => [list.name, list.count]),
      [
        ['A-listen', 3],
        ['B-listen', 1],
      ]
    )
    const shown = await fingerprint(issue.id)
    assert.match(shown, /^[0-9a-f]{64}$/)

    // A confirmed pending reader joins: another digest. Leaving again: the first one back.
    await Subscription.query().where('subscriber_id', readers[3].id).update({ status: 'active' })
    const joined = await fingerprint(issue.id)
    assert.notEqual(joined, shown)
    await Subscription.query()
      .where('subscriber_id', readers[3].id)
      .update({ status: 'unsubscribed' })
    assert.equal(await fingerprint(issue.id), shown)
    // The same count with other people is another digest.
    await Subscription.query()
      .where('subscriber_id', readers[1].id)
      .update({ status: 'unsubscribed' })
    await Subscription.query().where('subscriber_id', readers[3].id).update({ status: 'active' })
    assert.equal(await countRecipients(issue.id), 3)
    assert.notEqual(await fingerprint(issue.id), shown)

    const now = await fingerprint(issue.id)
    await db.transaction(async (trx) => {
      await queueDeliveries(trx, issue.id)
      assert.equal(await queuedFingerprint(trx, issue.id), now)
    })
  })

  test('the start refuses a large send without the tick, a changed set when scheduling, and a scheduled issue confirmed again', async ({
    assert,
  }) => {
    const list = await NewsletterListFactory.create()
    const readers = await SubscriberFactory.createMany(LARGE_SEND)
    await Subscription.createMany(
      readers.map((reader) => ({
        subscriberId: reader.id,
        listId: list.id,
        status: 'active' as const,
        source: 'form' as const,
        requestedAt: DateTime.now(),
        confirmedAt: DateTime.now(),
      }))
    )
    const issue = await draftFor([list])
    const actor = Actors.system('test')
    const at = DateTime.now().plus({ days: 1 })
    const shown = await fingerprint(issue.id)

    const untick = await new StartIssueSend().handle(
      { issueId: issue.id, at, confirmation: { fingerprint: shown, large: false } },
      actor
    )
    assert.deepEqual(untick, { status: 'large_not_confirmed', recipients: LARGE_SEND })

    await Subscription.query()
      .where('subscriber_id', readers[0].id)
      .update({ status: 'unsubscribed' })
    const changed = await new StartIssueSend().handle(
      { issueId: issue.id, at, confirmation: { fingerprint: shown, large: true } },
      actor
    )
    assert.deepEqual(changed, { status: 'recipients_changed', recipients: LARGE_SEND - 1 })
    await issue.refresh()
    assert.equal(issue.status, 'draft')

    const fresh = await fingerprint(issue.id)
    const scheduled = await new StartIssueSend().handle(
      { issueId: issue.id, at, confirmation: { fingerprint: fresh, large: true } },
      actor
    )
    assert.equal(scheduled.status, 'scheduled')
    const twice = await new StartIssueSend().handle(
      { issueId: issue.id, at, confirmation: { fingerprint: fresh, large: true } },
      actor
    )
    assert.deepEqual(twice, { status: 'not_sendable' })
  }).timeout(30_000)
})
