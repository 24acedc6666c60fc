import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import NewsletterIssue, { type IssueStatus } from '#newsletters/models/newsletter_issue'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import ShareEvent from '#newsletters/models/share_event'
import type Subscription from '#newsletters/models/subscription'
import { getSecretariatOverview } from '#newsletters/queries/secretariat_overview'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { sentIssueFor, subscribeTo } from '#tests/helpers/newsletters'

function issue(subject: string, status: IssueStatus, changes: Partial<NewsletterIssue> = {}) {
  return NewsletterIssue.create({
    subject,
    bodyMjml: '<mj-section></mj-section>',
    status,
    createdBy: 'test',
    ...changes,
  })
}

async function unsubscribe(subscription: Subscription, at: DateTime) {
  subscription.merge({ status: 'unsubscribed', unsubscribedAt: at })
  await subscription.save()
}

test.group('Secretariat overview', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('drafts newest first, scheduled sends by their time', async ({ assert }) => {
    for (let index = 1; index <= 6; index++) {
      await issue(`Kladde ${index}`, 'draft', {
        updatedAt: DateTime.fromISO(`2026-05-0${7 - index}T10:00:00Z`),
      })
    }
    await issue('Juni', 'scheduled', { scheduledAt: DateTime.fromISO('2026-06-01T06:00:00Z') })
    await issue('Maj', 'scheduled', { scheduledAt: DateTime.fromISO('2026-05-20T06:00:00Z') })
    await issue('Aflyst', 'cancelled')

    const overview = await getSecretariatOverview()
    assert.equal(overview.drafts.count, 6)
    assert.lengthOf(overview.drafts.latest, 5)
    assert.equal(overview.drafts.latest[0].subject, 'Kladde 1')
    assert.deepEqual(
      overview.scheduled.map((line) => line.subject),
      ['Maj', 'Juni']
    )
    assert.isNull(overview.lastSent)
  })

  test('the last issue sent: its recipients, share figures and the unsubscribes it caused', async ({
    assert,
  }) => {
    const list = await NewsletterListFactory.create()
    const otherList = await NewsletterListFactory.create()
    const [ida, bo, eva, karl, outsider] = await SubscriberFactory.createMany(5)
    const subscriptions = new Map<number, Subscription>()
    for (const reader of [ida, bo, eva, karl, outsider]) {
      subscriptions.set(reader.id, await subscribeTo(reader, list))
    }
    const karlsOther = await subscribeTo(karl, otherList)

    await issue('Et ældre nummer', 'sent', { sentAt: DateTime.utc().minus({ days: 40 }) })
    const { issue: sent, delivery } = await sentIssueFor(list, ida)
    for (const reader of [bo, eva, karl]) {
      await NewsletterDelivery.create({
        issueId: sent.id,
        subscriberId: reader.id,
        status: 'sent',
        attempts: 1,
      })
    }
    await NewsletterDelivery.create({
      issueId: sent.id,
      subscriberId: outsider.id,
      status: 'failed',
      attempts: 3,
    })
    const after = sent.sendStartedAt!.plus({ minutes: 5 })
    // Bo left the list after the issue; Eva had left before it went; Karl left another list.
    await unsubscribe(subscriptions.get(bo.id)!, after)
    await unsubscribe(subscriptions.get(eva.id)!, sent.sendStartedAt!.minus({ days: 1 }))
    await unsubscribe(karlsOther, after)
    for (const kind of ['view', 'view', 'view', 'forward', 'signup'] as const) {
      await ShareEvent.create({
        deliveryId: delivery.id,
        issueId: sent.id,
        sharerId: ida.id,
        kind,
        newSubscriberId: null,
      })
    }

    const last = (await getSecretariatOverview()).lastSent!
    assert.equal(last.id, sent.id)
    assert.equal(last.recipients, 4)
    assert.deepEqual(last.shares, { views: 3, forwards: 1, signups: 1, confirmed: 0 })
    assert.equal(last.unsubscribes, 1)
  })
})
