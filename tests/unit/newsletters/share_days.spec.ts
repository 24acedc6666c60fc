import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import ShareEvent from '#newsletters/models/share_event'
import { getDailyShares } from '#newsletters/queries/share_stats'
import { shareChartBars } from '#newsletters/queries/share_chart'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { sentIssueFor, subscribeTo } from '#tests/helpers/newsletters'
import { sqlTimestamp } from '#shared/sql_time'

test.group('Shares per day', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('count on the Danish day, summer and winter alike', async ({ assert }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const reader = await SubscriberFactory.create()
    await subscribeTo(reader, list)
    const copy = await sentIssueFor(list, reader)
    const at = async (utc: string, kind: 'view' | 'forward') => {
      const event = await ShareEvent.create({
        deliveryId: copy.delivery.id,
        issueId: copy.issue.id,
        sharerId: reader.id,
        kind,
        newSubscriberId: null,
      })
      await db
        .from('newsletter_share_events')
        .where('id', event.id)
        .update({ created_at: sqlTimestamp(DateTime.fromISO(utc, { zone: 'utc' })) })
    }
    // 23.30 on 30 June in Denmark (summer time, UTC+2) …
    await at('2026-06-30T21:30:00Z', 'view')
    // … and 00.30 on 1 July, still 30 June in UTC.
    await at('2026-06-30T22:30:00Z', 'view')
    await at('2026-06-30T22:59:00Z', 'forward')

    const summer = await getDailyShares(copy.issue.id, DateTime.fromISO('2026-06-30T08:00:00Z'), 3)
    assert.deepEqual(summer, [
      { day: '2026-06-30', views: 1, forwards: 0, signups: 0 },
      { day: '2026-07-01', views: 1, forwards: 1, signups: 0 },
      { day: '2026-07-02', views: 0, forwards: 0, signups: 0 },
    ])

    // In winter (UTC+1) 23.30 UTC is already the next day, 22.30 not yet.
    await at('2026-12-31T22:30:00Z', 'view')
    await at('2026-12-31T23:30:00Z', 'forward')
    const winter = await getDailyShares(copy.issue.id, DateTime.fromISO('2026-12-31T12:00:00Z'), 2)
    assert.deepEqual(winter, [
      { day: '2026-12-31', views: 1, forwards: 0, signups: 0 },
      { day: '2027-01-01', views: 0, forwards: 1, signups: 0 },
    ])
  })

  test('the chart names its days the Danish way, or the English way for an English reader', ({
    assert,
  }) => {
    const day = { day: '2026-07-01', views: 2, forwards: 0, signups: 0 }
    assert.equal(shareChartBars([day], 'da').bars[0].label, '1. juli 2026: 2')
    assert.equal(shareChartBars([day], 'en').bars[0].label, '1 July 2026: 2')
  })
})
