import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { sqlTimestamp } from '#shared/sql_time'
import { getShareTotals, type ShareTotals } from '#newsletters/queries/share_stats'

type IssueLine = { id: number; subject: string; at: DateTime | null }

export type SecretariatOverview = {
  drafts: { count: number; latest: IssueLine[] }
  scheduled: IssueLine[]
  lastSent: {
    id: number
    subject: string
    sentAt: DateTime | null
    recipients: number
    /** Kreds counts no opens in the mail itself: these are opens of the readers' links. */
    shares: ShareTotals
    unsubscribes: number
  } | null
}

const LATEST = 5

function line(issue: NewsletterIssue, at: DateTime | null): IssueLine {
  return { id: issue.id, subject: issue.subject, at }
}

/**
 * What the secretariat has in hand: drafts, issues waiting for their send
 * time, and how the last issue sent has done.
 */
export async function getSecretariatOverview(): Promise<SecretariatOverview> {
  const [draftCount, drafts, scheduled, last] = await Promise.all([
    db.from('newsletter_issues').where('status', 'draft').count('* as total').first(),
    NewsletterIssue.query()
      .where('status', 'draft')
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(LATEST),
    NewsletterIssue.query().where('status', 'scheduled').orderBy('scheduled_at').orderBy('id'),
    NewsletterIssue.query()
      .where('status', 'sent')
      .orderBy('sent_at', 'desc')
      .orderBy('id', 'desc')
      .first(),
  ])
  return {
    drafts: {
      count: Number(draftCount?.total ?? 0),
      latest: drafts.map((issue) => line(issue, issue.updatedAt)),
    },
    scheduled: scheduled.map((issue) => line(issue, issue.scheduledAt)),
    lastSent: last ? await sentIssueFigures(last) : null,
  }
}

async function sentIssueFigures(issue: NewsletterIssue) {
  const [recipients, shares, unsubscribes] = await Promise.all([
    db
      .from('newsletter_deliveries')
      .where('issue_id', issue.id)
      .where('status', 'sent')
      .count('* as total')
      .first(),
    getShareTotals({ issueId: issue.id }),
    unsubscribesAfter(issue),
  ])
  return {
    id: issue.id,
    subject: issue.subject,
    sentAt: issue.sentAt,
    recipients: Number(recipients?.total ?? 0),
    shares,
    unsubscribes,
  }
}

/** Readers of the issue who left one of its lists after it went out. */
async function unsubscribesAfter(issue: NewsletterIssue) {
  const since = issue.sendStartedAt ?? issue.sentAt
  if (!since) return 0
  const row = await db
    .from('subscriptions')
    .where('status', 'unsubscribed')
    .where('unsubscribed_at', '>=', sqlTimestamp(since.toUTC()))
    .whereIn(
      'list_id',
      db.from('newsletter_issue_lists').where('issue_id', issue.id).select('list_id')
    )
    .whereIn(
      'subscriber_id',
      db.from('newsletter_deliveries').where('issue_id', issue.id).select('subscriber_id')
    )
    .countDistinct('subscriber_id as total')
    .first()
  return Number(row?.total ?? 0)
}
