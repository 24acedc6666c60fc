import db from '@adonisjs/lucid/services/db'
import type NewsletterIssue from '#newsletters/models/newsletter_issue'

export type IssueProgress = {
  status: string
  total: number
  queued: number
  sending: number
  sent: number
  failed: number
  /** Whole per cent of the rows that are done, sent or failed. */
  percent: number
}

/** One grouped count: the progress bar asks for it every few seconds. */
export async function getIssueProgress(issue: NewsletterIssue): Promise<IssueProgress> {
  const rows = await db
    .from('newsletter_deliveries')
    .where('issue_id', issue.id)
    .groupBy('status')
    .select('status')
    .count('* as total')
  const counts: Record<string, number> = { queued: 0, sending: 0, sent: 0, failed: 0 }
  for (const row of rows) counts[row.status] = Number(row.total)
  const total = counts.queued + counts.sending + counts.sent + counts.failed
  const done = counts.sent + counts.failed
  return {
    status: issue.status,
    total,
    queued: counts.queued,
    sending: counts.sending,
    sent: counts.sent,
    failed: counts.failed,
    percent: total ? Math.floor((done * 100) / total) : 0,
  }
}

/** The latest refusals with the mail server's answer, for the issue's page. */
export async function getFailedDeliveries(issueId: number, limit = 20) {
  return db
    .from('newsletter_deliveries')
    .join('subscribers', 'subscribers.id', 'newsletter_deliveries.subscriber_id')
    .where('newsletter_deliveries.issue_id', issueId)
    .where('newsletter_deliveries.status', 'failed')
    .orderBy('newsletter_deliveries.id', 'desc')
    .limit(limit)
    .select(
      'newsletter_deliveries.subscriber_id as subscriberId',
      'subscribers.email',
      'newsletter_deliveries.error'
    )
}

export type IssueMailEvents = { hard: number; soft: number; complaint: number }

/** Bounces and complaints mail servers reported about this issue's copies. */
export async function getIssueMailEvents(issueId: number): Promise<IssueMailEvents> {
  const rows = await db
    .from('mail_events')
    .where('issue_id', issueId)
    .groupBy('type')
    .select('type')
    .count('* as total')
  const counts: IssueMailEvents = { hard: 0, soft: 0, complaint: 0 }
  for (const row of rows) counts[row.type as keyof IssueMailEvents] = Number(row.total)
  return counts
}
