import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import { getAdminOverview } from '#identity/queries/admin_overview'
import { UserFactory } from '#database/factories/user_factory'
import { SubscriberFactory } from '#database/factories/newsletter_factory'
import { sentIssueFor } from '#tests/helpers/newsletters'
import { NewsletterListFactory } from '#database/factories/newsletter_factory'

function job(id: string, status: 'failed' | 'completed' | 'pending') {
  return db.table('queue_jobs').insert({ id, queue: 'default', status, data: '{}' })
}

test.group('Admin overview', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('active users, invitations not yet taken up and deactivated accounts', async ({
    assert,
  }) => {
    await UserFactory.apply('admin').create()
    await UserFactory.apply('treasurer').create()
    await UserFactory.apply('board').apply('invited').create()
    await UserFactory.apply('board').apply('inactive').create()
    await UserFactory.apply('board').apply('invited').apply('inactive').create()
    assert.deepEqual((await getAdminOverview()).staff, { active: 2, invited: 1, inactive: 2 })
  })

  test('failed jobs and failed newsletter messages, not those done or waiting', async ({
    assert,
  }) => {
    await job('a', 'failed')
    await job('b', 'failed')
    await job('c', 'completed')
    await job('d', 'pending')
    const list = await NewsletterListFactory.create()
    const [reader, other] = await SubscriberFactory.createMany(2)
    const { issue } = await sentIssueFor(list, reader)
    await NewsletterDelivery.create({
      issueId: issue.id,
      subscriberId: other.id,
      status: 'failed',
      attempts: 3,
    })
    const overview = await getAdminOverview()
    assert.equal(overview.failedJobs, 2)
    assert.equal(overview.failedDeliveries, 1)
  })

  test('bounces and complaints in all and in the last 30 days', async ({ assert }) => {
    const now = DateTime.fromISO('2026-06-30T12:00:00Z')
    await SubscriberFactory.apply('bounced')
      .merge({ suppressedAt: now.minus({ days: 2 }) })
      .create()
    await SubscriberFactory.apply('bounced')
      .merge({ suppressedAt: now.minus({ days: 31 }) })
      .create()
    await SubscriberFactory.apply('complained')
      .merge({ suppressedAt: now.minus({ days: 29 }) })
      .create()
    await SubscriberFactory.apply('unsubscribed').merge({ suppressedAt: now }).create()
    const overview = await getAdminOverview(now)
    assert.deepEqual(overview.bounced, { total: 2, recent: 1 })
    assert.deepEqual(overview.complained, { total: 1, recent: 1 })
  })
})
