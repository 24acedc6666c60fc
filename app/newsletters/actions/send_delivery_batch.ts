import { randomUUID } from 'node:crypto'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { personalise } from '#newsletters/compose/issue_message'
import {
  envelopeFor,
  listHeaders,
  messageIdFor,
  readerValues,
  type IssueEnvelope,
} from '#newsletters/sending/reader_copy'
import { finishIfDone } from '#newsletters/sending/finish'
import { sqlTimestamp } from '#shared/sql_time'

/** A mail server's temporary refusals (4xx) are tried again this many times in all. */
export const MAX_ATTEMPTS = 5
/** How often, in messages, a batch looks whether the send was paused or cancelled. */
const STATUS_CHECK_EVERY = 20

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

export type BatchOutcome = { sent: number; failed: number; retry: number[]; released: number }

/**
 * Sends one batch of an issue's deliveries. The rows are claimed first, so
 * a row is only ever sent by the batch that holds it; one query reads the
 * readers, and per reader only the placeholders are filled.
 */
export class SendDeliveryBatch {
  async handle(input: { issueId: number; deliveryIds: number[] }): Promise<BatchOutcome> {
    const outcome: BatchOutcome = { sent: 0, failed: 0, retry: [], released: 0 }
    if (!(await isSending(input.issueId)) || input.deliveryIds.length === 0) return outcome
    const envelope = await envelopeFor(input.issueId)
    if (!envelope) return outcome

    const claim = randomUUID()
    await db
      .from('newsletter_deliveries')
      .whereIn('id', input.deliveryIds)
      .where('issue_id', input.issueId)
      .where('status', 'queued')
      .update({
        status: 'sending',
        claim,
        claimed_at: sqlTimestamp(),
        attempts: db.raw('attempts + 1'),
      })
    const rows = await readClaimed(claim, input.issueId)

    const sentIds: number[] = []
    for (let index = 0; index < rows.length; index++) {
      if (index > 0 && index % STATUS_CHECK_EVERY === 0 && !(await isSending(input.issueId))) {
        outcome.released = await release(rows.slice(index).map((row) => row.id))
        break
      }
      const row = rows[index]
      const refusal = whyNotMailable(row)
      if (refusal) {
        await markFailed(row.id, refusal)
        outcome.failed++
        continue
      }
      try {
        await sendCopy(envelope, row)
        sentIds.push(row.id)
        outcome.sent++
      } catch (error) {
        const code = Number((error as { responseCode?: number }).responseCode ?? 0)
        const answer = String((error as Error).message ?? error).slice(0, 480)
        if (code >= 500 || row.attempts >= MAX_ATTEMPTS) {
          await markFailed(row.id, answer)
          outcome.failed++
        } else {
          // 4xx and dropped connections: the server may take it later.
          await db
            .from('newsletter_deliveries')
            .where('id', row.id)
            .update({ status: 'queued', claim: null, error: answer })
          outcome.retry.push(row.id)
        }
      }
    }
    if (sentIds.length) {
      await db
        .from('newsletter_deliveries')
        .whereIn('id', sentIds)
        .update({ status: 'sent', sent_at: sqlTimestamp(), claim: null, error: null })
    }
    await finishIfDone(input.issueId)
    return outcome
  }
}

async function isSending(issueId: number) {
  const issue = await NewsletterIssue.find(issueId)
  return issue?.status === 'sending'
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

async function sendCopy(envelope: IssueEnvelope, row: ClaimedRow) {
  const copy = personalise(
    envelope.prepared,
    readerValues(
      { deliveryId: row.id, subscriberId: row.subscriber_id, name: row.name },
      envelope.issueId
    )
  )
  const headers = listHeaders(envelope, row.subscriber_id)
  await mail.send((message) => {
    message
      .from(envelope.from.address, envelope.from.name)
      .to(row.email!, row.name ?? undefined)
      .subject(copy.subject)
      .html(copy.html)
      .text(copy.text)
      .messageId(messageIdFor(envelope, row.id, row.attempts))
    if (envelope.replyTo) message.replyTo(envelope.replyTo.address, envelope.replyTo.name)
    for (const [key, value] of Object.entries(headers)) message.header(key, value)
  })
}

async function markFailed(id: number, error: string) {
  await db
    .from('newsletter_deliveries')
    .where('id', id)
    .update({ status: 'failed', claim: null, error })
}

/** Rows a paused or cancelled send had claimed go back to the queue unsent. */
async function release(ids: number[]) {
  if (!ids.length) return 0
  const released = await db
    .from('newsletter_deliveries')
    .whereIn('id', ids)
    .where('status', 'sending')
    .update({ status: 'queued', claim: null, attempts: db.raw('attempts - 1') })
  return Number(released)
}
