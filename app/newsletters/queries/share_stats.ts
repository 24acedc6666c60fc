import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DANISH_ZONE } from '#shared/danish_time'

export type ShareTotals = { views: number; forwards: number; signups: number; confirmed: number }

export type SharerRow = {
  subscriberId: number
  name: string | null
  email: string | null
  views: number
  forwards: number
  signups: number
}

/** Views, forwards and sign-ups of each group, as three columns. */
function countsByKind() {
  return (['view', 'forward', 'signup'] as const).map((kind) =>
    db.raw(`SUM(CASE WHEN kind = '${kind}' THEN 1 ELSE 0 END) AS ${kind}s`)
  )
}

function kindCounts(row: { views: unknown; forwards: unknown; signups: unknown }) {
  return { views: Number(row.views), forwards: Number(row.forwards), signups: Number(row.signups) }
}

/** Counts by kind, and how many of the sign-ups went on to confirm. */
export async function getShareTotals(scope: { issueId?: number; sharerId?: number }) {
  const query = db
    .from('newsletter_share_events')
    .groupBy('kind')
    .select('kind')
    .count('* as total')
  if (scope.issueId) query.where('issue_id', scope.issueId)
  if (scope.sharerId) query.where('sharer_id', scope.sharerId)
  const totals: ShareTotals = { views: 0, forwards: 0, signups: 0, confirmed: 0 }
  for (const row of await query) {
    if (row.kind === 'view') totals.views = Number(row.total)
    if (row.kind === 'forward') totals.forwards = Number(row.total)
    if (row.kind === 'signup') totals.signups = Number(row.total)
  }
  const confirmed = db
    .from('newsletter_share_events')
    .where('kind', 'signup')
    .whereExists((sub) =>
      sub
        .from('subscriptions')
        .whereColumn('subscriptions.subscriber_id', 'newsletter_share_events.new_subscriber_id')
        .whereNotNull('subscriptions.confirmed_at')
    )
    .count('* as total')
  if (scope.issueId) confirmed.where('issue_id', scope.issueId)
  if (scope.sharerId) confirmed.where('sharer_id', scope.sharerId)
  const confirmedRow = await confirmed.first()
  totals.confirmed = Number(confirmedRow?.total ?? 0)
  return totals
}

/** Readers ranked by the new subscribers, forwards and views their links brought. */
export async function getTopSharers(scope: { issueId?: number }, limit = 10): Promise<SharerRow[]> {
  const query = db
    .from('newsletter_share_events')
    .join('subscribers', 'subscribers.id', 'newsletter_share_events.sharer_id')
    .groupBy('newsletter_share_events.sharer_id', 'subscribers.name', 'subscribers.email')
    .select(
      'newsletter_share_events.sharer_id as subscriberId',
      'subscribers.name',
      'subscribers.email'
    )
    .select(...countsByKind())
    .orderByRaw('signups DESC, forwards DESC, views DESC')
    .limit(limit)
  if (scope.issueId) query.where('newsletter_share_events.issue_id', scope.issueId)
  const rows = await query
  return rows.map((row) => ({
    subscriberId: Number(row.subscriberId),
    name: row.name,
    email: row.email,
    ...kindCounts(row),
  }))
}

export type DailyShares = { day: string; views: number; forwards: number; signups: number }

/**
 * Per Danish day since the issue went out, for the chart; days without events
 * are zero. The database counts per UTC hour, the same way on SQLite and
 * MariaDB, and each hour is put on its day in Denmark (the offset is whole
 * hours), so a share at 00.30 Danish time counts on that day, not the one before.
 */
export async function getDailyShares(issueId: number, from: DateTime, days = 30) {
  const hour = db.connection().dialect.name.includes('sqlite')
    ? "strftime('%Y-%m-%d %H', created_at)"
    : "DATE_FORMAT(created_at, '%Y-%m-%d %H')"
  const rows = await db
    .from('newsletter_share_events')
    .where('issue_id', issueId)
    .groupByRaw(`${hour}, kind`)
    .select(db.raw(`${hour} AS hour`), 'kind')
    .count('* as total')
  const series: DailyShares[] = []
  const index = new Map<string, DailyShares>()
  const firstDay = from.setZone(DANISH_ZONE).startOf('day')
  for (let offset = 0; offset < days; offset++) {
    const day = firstDay.plus({ days: offset }).toISODate()!
    const entry = { day, views: 0, forwards: 0, signups: 0 }
    series.push(entry)
    index.set(day, entry)
  }
  for (const row of rows) {
    const day = DateTime.fromFormat(String(row.hour), 'yyyy-MM-dd HH', { zone: 'utc' })
      .setZone(DANISH_ZONE)
      .toISODate()
    const entry = day ? index.get(day) : undefined
    if (!entry) continue
    const total = Number(row.total)
    if (row.kind === 'view') entry.views += total
    if (row.kind === 'forward') entry.forwards += total
    if (row.kind === 'signup') entry.signups += total
  }
  return series
}

export type ShareHistoryRow = {
  issueId: number
  subject: string
  views: number
  forwards: number
  signups: number
}

/** What one reader's share links led to, issue by issue. */
export async function getShareHistory(sharerId: number): Promise<ShareHistoryRow[]> {
  const rows = await db
    .from('newsletter_share_events')
    .join('newsletter_issues', 'newsletter_issues.id', 'newsletter_share_events.issue_id')
    .where('newsletter_share_events.sharer_id', sharerId)
    .groupBy('newsletter_share_events.issue_id', 'newsletter_issues.subject')
    .select('newsletter_share_events.issue_id as issueId', 'newsletter_issues.subject')
    .select(...countsByKind())
    .orderBy('newsletter_share_events.issue_id', 'desc')
  return rows.map((row) => ({
    issueId: Number(row.issueId),
    subject: row.subject,
    ...kindCounts(row),
  }))
}
