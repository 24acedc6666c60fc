import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { reviewIssue } from '#newsletters/checks/review_issue'
import type { IssueCheck } from '#newsletters/checks/types'
import type { MjmlProblem } from '#newsletters/mjml/problem'
import {
  countRecipients,
  queueDeliveries,
  queuedFingerprint,
  recipientFingerprint,
} from '#newsletters/sending/recipients'
import { dispatchQueuedBatches } from '#newsletters/sending/batches'
import { finishIfDone } from '#newsletters/sending/finish'
import StartScheduledIssueJob from '#newsletters/jobs/start_scheduled_issue_job'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { sqlTimestamp } from '#shared/sql_time'

export type StartIssueSendResult =
  | { status: 'started'; recipients: number; jobs: number }
  | { status: 'scheduled'; at: DateTime }
  | { status: 'not_sendable' | 'no_lists' | 'no_recipients' }
  | { status: 'has_problems'; problems: number; mjml: MjmlProblem[]; checks: IssueCheck[] }
  | { status: 'recipients_changed' | 'large_not_confirmed'; recipients: number }

/** From this many recipients the send page asks for an explicit tick before sending. */
export const LARGE_SEND = 200

/**
 * What the secretary confirmed on the send page: the digest of exactly the
 * readers shown, and the tick a large send needs. Scheduled starts have none.
 */
export type SendConfirmation = { fingerprint: string; large: boolean }

class RecipientsChanged extends Error {}

/**
 * Sends an issue now, or schedules it. Starting compiles the MJML once and
 * keeps the result, creates one delivery row per reader and hands the rows
 * to the queue in batches; the conditional status change lets only one
 * start win when two arrive together. A confirmed send goes to exactly the
 * readers confirmed: when anyone subscribed or left in between, nothing is
 * sent and the secretary is shown the new recipients to confirm again.
 */
export class StartIssueSend {
  async handle(
    input: {
      issueId: number
      at?: DateTime | null
      rate?: number | null
      confirmation?: SendConfirmation | null
    },
    actor: Actor
  ): Promise<StartIssueSendResult> {
    const issue = await NewsletterIssue.query()
      .where('id', input.issueId)
      .preload('lists')
      .firstOrFail()
    if (issue.status !== 'draft' && issue.status !== 'scheduled') return { status: 'not_sendable' }
    // The send page confirms a draft: a resubmitted confirmation of one already scheduled does nothing.
    if (input.confirmation && issue.status !== 'draft') return { status: 'not_sendable' }
    if (issue.lists.length === 0) return { status: 'no_lists' }
    // The checks before sending decide here too, so a scheduled issue is held to them when it starts.
    const compiled = await reviewIssue(issue, await getAssociationSettings())
    if (!compiled.html || compiled.blocking) {
      return {
        status: 'has_problems',
        problems: compiled.blocking,
        mjml: compiled.problems,
        checks: compiled.checks.filter((check) => check.blocking),
      }
    }
    const count = await countRecipients(issue.id)
    if (count === 0) return { status: 'no_recipients' }
    const confirmation = input.confirmation ?? null
    if (confirmation && count >= LARGE_SEND && !confirmation.large) {
      return { status: 'large_not_confirmed', recipients: count }
    }

    if (input.at && input.at > DateTime.now().plus({ minutes: 1 })) {
      const current = confirmation && (await recipientFingerprint(db.connection(), issue.id))
      if (confirmation && current !== confirmation.fingerprint) {
        return { status: 'recipients_changed', recipients: count }
      }
      return this.schedule(issue, input.at, input.rate ?? null, actor)
    }

    let recipients: number | null
    try {
      recipients = await this.queue(issue, compiled.html, input.rate ?? null, confirmation, actor)
    } catch (error) {
      if (!(error instanceof RecipientsChanged)) throw error
      return { status: 'recipients_changed', recipients: await countRecipients(issue.id) }
    }
    if (recipients === null) return { status: 'not_sendable' }

    const jobs = await dispatchQueuedBatches(issue.id)
    await finishIfDone(issue.id)
    return { status: 'started', recipients, jobs }
  }

  /** Takes the issue out of draft and queues its readers, in one transaction; null when another start won. */
  protected async queue(
    issue: NewsletterIssue,
    html: string,
    rate: number | null,
    confirmation: SendConfirmation | null,
    actor: Actor
  ) {
    return db.transaction(async (trx) => {
      const changed = await trx
        .from('newsletter_issues')
        .where('id', issue.id)
        .whereIn('status', ['draft', 'scheduled'])
        .update({
          status: 'sending',
          compiled_html: html,
          send_started_at: sqlTimestamp(),
          sent_by: actor.label,
          send_rate: rate,
          updated_at: sqlTimestamp(),
        })
      if (Number(changed) === 0) return null
      const queued = await queueDeliveries(trx, issue.id)
      // Compared on the rows written, in the same transaction: what is queued is what was confirmed.
      if (confirmation && (await queuedFingerprint(trx, issue.id)) !== confirmation.fingerprint) {
        throw new RecipientsChanged()
      }
      await recordAuditEvent(trx, actor, {
        module: 'newsletters',
        action: 'issue.send_started',
        details: {
          subject: issue.subject,
          recipients: queued,
          ...(rate ? { rate } : {}),
        },
        subject: { type: 'newsletter_issue', id: issue.id },
      })
      return queued
    })
  }

  protected async schedule(
    issue: NewsletterIssue,
    at: DateTime,
    rate: number | null,
    actor: Actor
  ): Promise<StartIssueSendResult> {
    await db.transaction(async (trx) => {
      issue.useTransaction(trx)
      issue.merge({ status: 'scheduled', scheduledAt: at.toUTC(), sendRate: rate })
      await issue.save()
      await recordAuditEvent(trx, actor, {
        module: 'newsletters',
        action: 'issue.scheduled',
        details: { subject: issue.subject, at: at.toISO() ?? '' },
        subject: { type: 'newsletter_issue', id: issue.id },
      })
    })
    await StartScheduledIssueJob.dispatch({ issueId: issue.id }).in(
      Math.max(0, at.diffNow().toMillis())
    )
    return { status: 'scheduled', at }
  }
}
