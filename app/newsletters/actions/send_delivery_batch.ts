import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { envelopeFor } from '#newsletters/sending/reader_copy'
import { sendReaderCopy } from '#newsletters/sending/wire_sender'
import { SendPacer, sendRateFor } from '#newsletters/sending/pacer'
import { DeliveryProgress, claimTimeoutSeconds } from '#newsletters/sending/progress'
import { finishIfDone } from '#newsletters/sending/finish'
import { sqlTimestamp } from '#shared/sql_time'
import { retryTimeAfter } from '#newsletters/sending/retry'

/** A mail server's temporary refusals (4xx) are tried again this many times in all. */
export const MAX_ATTEMPTS = 5
/** How often, in milliseconds, a batch looks whether the send was paused or cancelled. */
const STATUS_CHECK_MS = 500

type ClaimedRow = {
  id: number
  attempts: number
  subscriber_id: number
  email: string | null
  name: string | null
  suppressed_reason: string | null
  erased_at: unknown
  still_subscribed: number | string | null
}

export type BatchOutcome = {
  sent: number
  failed: number
  retry: { ids: number[]; attempts: number }
  released: number
  waits: number
}

/**
 * Sends one batch of an issue's deliveries. The rows are claimed first, so
 * a row is only ever sent by the batch that holds it, whichever worker on
 * whichever machine runs it; one query reads the readers; per reader the
 * prepared message only has its holes filled. As many messages are in
 * flight as the mailer has pooled connections, and what was sent is written
 * down every few messages, so a worker that dies leaves few in doubt.
 */
export class SendDeliveryBatch {
  async handle(input: { issueId: number; deliveryIds: number[] }): Promise<BatchOutcome> {
    const outcome: BatchOutcome = {
      sent: 0,
      failed: 0,
      retry: { ids: [], attempts: 0 },
      released: 0,
      waits: 0,
    }
    const issue = await NewsletterIssue.find(input.issueId)
    if (issue?.status !== 'sending' || input.deliveryIds.length === 0) return outcome
    const envelope = await envelopeFor(input.issueId, issue)
    if (!envelope) return outcome

    const claim = randomUUID()
    await claimRows(claim, input.issueId, input.deliveryIds)
    const rows = await readClaimed(claim, input.issueId)
    const progress = new DeliveryProgress(claim)
    const pacer = new SendPacer(
      sendRateFor(issue.sendRate),
      issue.sendRate ? `issue-${issue.id}` : 'all'
    )

    let next = 0
    let stopped = false
    let lastCheck = Date.now()
    const lane = async () => {
      while (!stopped && next < rows.length) {
        const index = next++
        const due = Date.now() - lastCheck >= STATUS_CHECK_MS
        if (due) lastCheck = Date.now()
        if (due && !(await isSending(input.issueId))) {
          stopped = true
          // This row and those no lane took go back unsent; rows other lanes took meanwhile finish.
          const untouched = [rows[index], ...rows.slice(next)]
          next = rows.length
          outcome.released = await progress.release(untouched.map((row) => row.id))
          return
        }
        await sendOne(rows[index])
      }
    }
    const sendOne = async (row: ClaimedRow) => {
      const refusal = whyNotMailable(row)
      if (refusal) {
        await progress.failed(row.id, refusal)
        outcome.failed++
        return
      }
      await pacer.take()
      try {
        await sendReaderCopy(envelope, {
          deliveryId: row.id,
          subscriberId: row.subscriber_id,
          email: row.email!,
          name: row.name,
          attempt: row.attempts,
        })
        await progress.sent(row.id)
        outcome.sent++
      } catch (error) {
        const code = Number((error as { responseCode?: number }).responseCode ?? 0)
        const answer = String((error as Error).message ?? error).slice(0, 480)
        if (code >= 500 || row.attempts >= MAX_ATTEMPTS) {
          await progress.failed(row.id, answer)
          outcome.failed++
        } else {
          // 4xx and dropped connections: the server may take it later.
          await progress.requeue(row.id, answer, retryTimeAfter(row.attempts))
          outcome.retry.ids.push(row.id)
          outcome.retry.attempts = Math.max(outcome.retry.attempts, row.attempts)
        }
      }
    }
    try {
      await Promise.all(Array.from({ length: Math.min(lanesFor(), rows.length) }, lane))
    } finally {
      await progress.flush()
    }
    outcome.waits = pacer.waits
    await finishIfDone(input.issueId)
    return outcome
  }
}

/** One message in flight per pooled SMTP connection. */
function lanesFor() {
  return Math.max(1, env.get('SMTP_POOL_SIZE') ?? 5)
}

/**
 * Takes the batch's rows that are queued, and rows another worker claimed
 * but has not touched for the claim timeout: that worker died.
 */
async function claimRows(claim: string, issueId: number, deliveryIds: number[]) {
  const stale = sqlTimestamp(DateTime.now().minus({ seconds: claimTimeoutSeconds() }))
  await db
    .from('newsletter_deliveries')
    .whereIn('id', deliveryIds)
    .where('issue_id', issueId)
    .where((query) =>
      query
        .where('status', 'queued')
        .orWhere((sending) => sending.where('status', 'sending').where('claimed_at', '<', stale))
    )
    .update({
      status: 'sending',
      claim,
      claimed_at: sqlTimestamp(),
      attempts: db.raw('attempts + 1'),
    })
}

async function isSending(issueId: number) {
  const row = await db.from('newsletter_issues').where('id', issueId).select('status').first()
  return row?.status === 'sending'
}

async function readClaimed(claim: string, issueId: number): Promise<ClaimedRow[]> {
  return (
    db
      .from('newsletter_deliveries')
      .join('subscribers', 'subscribers.id', 'newsletter_deliveries.subscriber_id')
      .where('newsletter_deliveries.claim', claim)
      .select(
        'newsletter_deliveries.id',
        'newsletter_deliveries.attempts',
        'newsletter_deliveries.subscriber_id',
        'subscribers.email',
        'subscribers.name',
        'subscribers.suppressed_reason',
        'subscribers.erased_at'
      )
      // Readers can leave between queueing and sending: ask again in the same query.
      .select(
        db.raw(
          `(SELECT COUNT(*) FROM subscriptions
          JOIN newsletter_issue_lists ON newsletter_issue_lists.list_id = subscriptions.list_id
          WHERE subscriptions.subscriber_id = subscribers.id
            AND subscriptions.status = 'active'
            AND newsletter_issue_lists.issue_id = ?) AS still_subscribed`,
          [issueId]
        )
      )
      .orderBy('newsletter_deliveries.id')
  )
}

function whyNotMailable(row: ClaimedRow) {
  if (row.suppressed_reason) return `not sent: address suppressed (${row.suppressed_reason})`
  if (row.erased_at || !row.email) return 'not sent: reader erased'
  if (!Number(row.still_subscribed)) return 'not sent: reader unsubscribed before sending'
  return null
}
