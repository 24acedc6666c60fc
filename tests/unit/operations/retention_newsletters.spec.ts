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
import { getIssueProgress } from '#newsletters/queries/issue_progress'
import { getDailyShares, getShareTotals } from '#newsletters/queries/share_stats'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'
import { sqlTimestamp } from '#shared/sql_time'

/**
 * 03.30 in Denmark on the night summer time began. A month before, on the
 * Danish calendar, is 28 February 03.30 +01:00, which is 02.30 UTC; counted
 * in UTC it would be 01.30, and the rows between would be judged wrongly.
 */
const NOW = DateTime.fromISO('2026-03-29T01:30:00Z')
const LIMIT = DateTime.fromISO('2026-02-28T02:30:00Z')
const PAST = LIMIT.minus({ seconds: 1 })
const at = (time: DateTime) => sqlTimestamp(time.toLocal())

async function keepFor(months: number) {
  const settings = await getAssociationSettings()
  settings.merge({
    retentionDeliveryMonths: months,
    retentionShareEventMonths: months,
    retentionForwardMonths: months,
    retentionIpMonths: months,
  })
  await settings.save()
}

/** An issue sent at that moment to the readers, with a view and a confirmed sign-up by the first. */
async function issueSentAt(sentAt: DateTime, readers: number[]) {
  const issue = await NewsletterIssue.create({
    subject: `Udgave ${sentAt.toISO()}`,
    bodyMjml: '<mj-section></mj-section>',
    status: 'sent',
    createdBy: 'test',
    sendStartedAt: sentAt,
    sentAt,
  })
  const deliveries: number[] = []
  for (const [index, reader] of readers.entries()) {
    const [id] = await db.table('newsletter_deliveries').insert({
      issue_id: issue.id,
      subscriber_id: reader,
      status: index === readers.length - 1 ? 'failed' : 'sent',
      error: index === readers.length - 1 ? '550 no such user' : null,
      attempts: 1,
      sent_at: at(sentAt),
    })
    deliveries.push(Number(id))
  }
  return { issue, deliveries }
}

async function shareEvent(
  issueId: number,
  deliveryId: number,
  sharerId: number,
  kind: 'view' | 'forward' | 'signup',
  createdAt: DateTime,
  newSubscriberId: number | null = null
) {
  await db.table('newsletter_share_events').insert({
    delivery_id: deliveryId,
    issue_id: issueId,
    sharer_id: sharerId,
    kind,
    new_subscriber_id: newSubscriberId,
    created_at: at(createdAt),
  })
}

async function figures(issue: NewsletterIssue) {
  return {
    progress: await getIssueProgress(issue),
    shares: await getShareTotals({ issueId: issue.id }),
    daily: await getDailyShares(issue.id, LIMIT.minus({ days: 2 }), 5),
  }
}

async function run() {
  const tmpRoot = app.tmpPath(`retention-${randomUUID()}`)
  try {
    return await new CleanUpExpiredData(tmpRoot).handle(Actors.system('scheduler'), NOW)
  } finally {
    await rm(tmpRoot, { recursive: true, force: true })
  }
}

test.group('Retention of newsletter records and IP addresses', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a delivery and a share event at the limit stay; a second past it they lose the reader, and the figures stay', async ({
    assert,
  }) => {
    await keepFor(1)
    const [ida, bo, newcomer] = await SubscriberFactory.createMany(3)
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    await db.table('subscriptions').insert({
      subscriber_id: newcomer.id,
      list_id: list.id,
      status: 'active',
      source: 'referral',
      requested_at: at(PAST),
      confirmed_at: at(PAST),
      created_at: at(PAST),
      updated_at: at(PAST),
    })
    const kept = await issueSentAt(LIMIT, [ida.id, bo.id])
    const old = await issueSentAt(PAST, [ida.id, bo.id])
    await shareEvent(kept.issue.id, kept.deliveries[0], ida.id, 'view', LIMIT)
    await shareEvent(old.issue.id, old.deliveries[0], ida.id, 'view', PAST)
    await shareEvent(old.issue.id, old.deliveries[0], ida.id, 'forward', PAST)
    await shareEvent(old.issue.id, old.deliveries[0], ida.id, 'signup', PAST, newcomer.id)
    const before = await figures(old.issue)
    assert.equal(before.shares.confirmed, 1)

    const counts = await run()

    assert.equal(counts.deliveries, 2)
    assert.equal(counts.share_events, 3)
    assert.deepEqual(await figures(old.issue), before)
    const oldRows = await db
      .from('newsletter_deliveries')
      .where('issue_id', old.issue.id)
      .orderBy('id')
    assert.deepEqual(
      oldRows.map((row) => [row.subscriber_id, row.status, row.error]),
      [
        [null, 'sent', null],
        [null, 'failed', null],
      ]
    )
    const keptRows = await db
      .from('newsletter_deliveries')
      .where('issue_id', kept.issue.id)
      .orderBy('id')
    assert.deepEqual(
      keptRows.map((row) => Number(row.subscriber_id)),
      [ida.id, bo.id]
    )
    const events = await db.from('newsletter_share_events').orderBy('id')
    assert.deepEqual(
      events.map((row) => [row.sharer_id === null ? null : Number(row.sharer_id), row.kind]),
      [
        [ida.id, 'view'],
        [null, 'view'],
        [null, 'forward'],
        [null, 'signup'],
      ]
    )
    // The newcomer's sign-up stays linked: it is how their consent came about.
    assert.equal(Number(events[3].new_subscriber_id), newcomer.id)
    assert.isNull(events[3].delivery_id)
  })

  test('an issue still paused keeps its readers, however old', async ({ assert }) => {
    await keepFor(1)
    const reader = await SubscriberFactory.create()
    const { issue } = await issueSentAt(PAST.minus({ months: 3 }), [reader.id])
    issue.status = 'paused'
    await issue.save()
    await run()
    const [row] = await db.from('newsletter_deliveries').where('issue_id', issue.id)
    assert.equal(Number(row.subscriber_id), reader.id)
  })

  test('a forward sent at the limit stays; one sent a second before goes', async ({ assert }) => {
    await keepFor(1)
    const reader = await SubscriberFactory.create()
    const { deliveries } = await issueSentAt(PAST.minus({ days: 1 }), [reader.id])
    const forward = (email: string, sentAt: DateTime | null, createdAt = PAST.minus({ days: 1 })) =>
      db.table('newsletter_forwards').insert({
        delivery_id: deliveries[0],
        recipient_email: email,
        recipient_hash: randomUUID(),
        note: 'Se her',
        status: sentAt ? 'sent' : 'queued',
        sent_at: sentAt ? at(sentAt) : null,
        created_at: at(createdAt),
      })
    await forward('kept@example.org', LIMIT)
    await forward('gone@example.org', PAST)
    // Never sent: one asked for before the limit has been given up; one from today still waits.
    await forward('abandoned@example.org', null)
    await forward('waiting@example.org', null, NOW.minus({ hours: 1 }))
    const counts = await run()
    assert.equal(counts.forwards, 2)
    const left = await db.from('newsletter_forwards').orderBy('id').select('recipient_email')
    assert.deepEqual(
      left.map((row) => row.recipient_email),
      ['kept@example.org', 'waiting@example.org']
    )
  })

  test('with 0 months a forward still waiting is given a week before it goes', async ({
    assert,
  }) => {
    await keepFor(0)
    const reader = await SubscriberFactory.create()
    const { deliveries } = await issueSentAt(NOW.minus({ days: 10 }), [reader.id])
    const waiting = (email: string, createdAt: DateTime) =>
      db.table('newsletter_forwards').insert({
        delivery_id: deliveries[0],
        recipient_email: email,
        recipient_hash: randomUUID(),
        status: 'queued',
        created_at: at(createdAt),
      })
    await waiting('this-week@example.org', NOW.minus({ days: 6 }))
    await waiting('given-up@example.org', NOW.minus({ days: 8 }))
    const counts = await run()
    assert.equal(counts.forwards, 1)
    const left = await db.from('newsletter_forwards').select('recipient_email')
    assert.deepEqual(
      left.map((row) => row.recipient_email),
      ['this-week@example.org']
    )
  })

  test('IP addresses and browsers past their months are blanked; the consent record keeps everything else', async ({
    assert,
  }) => {
    await keepFor(1)
    const reader = await SubscriberFactory.create()
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const consentTextId = list.consentTexts[0].id
    const consent = {
      subscriber_id: reader.id,
      list_id: list.id,
      status: 'active',
      consent_text_id: consentTextId,
      source: 'form',
      request_ip: '192.0.2.7',
      requested_at: at(PAST),
      confirmed_at: at(PAST.plus({ minutes: 5 })),
      evidence: 'Tilmeldt på generalforsamlingen',
      created_at: at(PAST),
      updated_at: at(PAST),
    }
    const [oldId] = await db.table('subscriptions').insert(consent)
    const other = await NewsletterListFactory.with('consentTexts', 1).create()
    const [keptId] = await db
      .table('subscriptions')
      .insert({ ...consent, list_id: other.id, requested_at: at(LIMIT) })
    const audit = (createdAt: DateTime) =>
      db.table('audit_events').insert({
        actor_type: 'user',
        actor_label: 'sekretariat@example.org',
        module: 'members',
        action: 'organisation.updated',
        ip: '198.51.100.4',
        user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
        created_at: at(createdAt),
      })
    await audit(LIMIT)
    await audit(PAST)

    const counts = await run()

    assert.equal(counts.ip_addresses, 2)
    const oldConsent = await db.from('subscriptions').where('id', oldId).firstOrFail()
    assert.isNull(oldConsent.request_ip)
    assert.equal(oldConsent.status, 'active')
    assert.equal(Number(oldConsent.consent_text_id), consentTextId)
    assert.equal(oldConsent.source, 'form')
    assert.equal(oldConsent.evidence, 'Tilmeldt på generalforsamlingen')
    assert.isNotNull(oldConsent.requested_at)
    assert.isNotNull(oldConsent.confirmed_at)
    const keptConsent = await db.from('subscriptions').where('id', keptId).firstOrFail()
    assert.equal(keptConsent.request_ip, '192.0.2.7')
    const ips = await db
      .from('audit_events')
      .where('action', 'organisation.updated')
      .orderBy('id')
      .select('ip', 'user_agent')
    assert.deepEqual(
      ips.map((row) => [row.ip, row.user_agent]),
      [
        ['198.51.100.4', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0'],
        [null, null],
      ]
    )
  })
})
