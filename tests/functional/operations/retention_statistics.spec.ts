import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { Actors } from '#audit/actor'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { CleanUpExpiredData } from '#operations/retention/clean_up_expired_data'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { SubscriberFactory } from '#database/factories/newsletter_factory'
import { UserFactory } from '#database/factories/user_factory'
import { sqlTimestamp } from '#shared/sql_time'

/** What the issue's page shows as figures: the send's counts, the share totals and the chart. */
function figures(html: string) {
  const pick = (pattern: RegExp) => html.match(pattern)?.[0] ?? ''
  return {
    progress: pick(/<p data-testid="progress-text"[\s\S]*?<\/p>/),
    bounces: pick(/<p data-testid="mail-events"[\s\S]*?<\/p>/),
    totals: pick(/data-testid="share-totals"[\s\S]*?<figure/),
    chart: pick(/<svg[\s\S]*?<\/svg>/),
  }
}

test.group('Newsletter statistics after the retention clean-up', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the issue page shows the same figures once its readers are anonymised', async ({
    client,
    assert,
  }) => {
    const settings = await getAssociationSettings()
    settings.merge({ retentionDeliveryMonths: 1, retentionShareEventMonths: 1 })
    await settings.save()
    const sentAt = DateTime.now().minus({ months: 2 }).startOf('hour')
    const issue = await NewsletterIssue.create({
      subject: 'Sommerbrev',
      bodyMjml: '<mj-section></mj-section>',
      status: 'sent',
      createdBy: 'test',
      sendStartedAt: sentAt,
      sentAt,
    })
    const readers = await SubscriberFactory.createMany(4)
    const deliveries: number[] = []
    for (const [index, reader] of readers.entries()) {
      const [id] = await db.table('newsletter_deliveries').insert({
        issue_id: issue.id,
        subscriber_id: reader.id,
        status: index === 3 ? 'failed' : 'sent',
        attempts: 1,
        sent_at: sqlTimestamp(sentAt),
      })
      deliveries.push(Number(id))
    }
    const kinds = ['view', 'view', 'view', 'forward', 'signup'] as const
    for (const [index, kind] of kinds.entries()) {
      await db.table('newsletter_share_events').insert({
        delivery_id: deliveries[index % 2],
        issue_id: issue.id,
        sharer_id: readers[index % 2].id,
        kind,
        created_at: sqlTimestamp(sentAt.plus({ days: index, hours: 3 })),
      })
    }
    const admin = await UserFactory.apply('admin').create()
    const before = await client.get(`/newsletters/issues/${issue.id}`).loginAs(admin)
    before.assertStatus(200)
    const shown = figures(before.text())
    assert.include(shown.progress, '3')
    assert.include(shown.totals, '<strong>3</strong>')
    assert.include(shown.chart, '<rect')
    assert.include(before.text(), readers[0].email!)

    const tmpRoot = app.tmpPath(`retention-${randomUUID()}`)
    const counts = await new CleanUpExpiredData(tmpRoot).handle(Actors.system('scheduler'))
    await rm(tmpRoot, { recursive: true, force: true })
    assert.equal(counts.deliveries, 4)
    assert.equal(counts.share_events, 5)

    const after = await client.get(`/newsletters/issues/${issue.id}`).loginAs(admin)
    after.assertStatus(200)
    assert.deepEqual(figures(after.text()), shown)
    // The readers who shared are no longer named.
    for (const reader of readers) assert.notInclude(after.text(), reader.email!)
  })
})
