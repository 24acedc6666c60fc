import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { reviewIssue } from '#newsletters/checks/review_issue'
import type { IssueCheck } from '#newsletters/checks/types'
import type { MjmlProblem } from '#newsletters/mjml/problem'
import { countRecipients, queueDeliveries } from '#newsletters/sending/recipients'
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

/**
 * Sends an issue now, or schedules it. Starting compiles the MJML once and
 * keeps the result, creates one delivery row per reader and hands the rows
 * to the queue in batches; the conditional status change lets only one
 * start win when two arrive together.
 */
export class StartIssueSend {
  async handle(
    input: { issueId: number; at?: DateTime | null; rate?: number | null },
    actor: Actor
  ): Promise<StartIssueSendResult> {
    const issue = await NewsletterIssue.query()
      .where('id', input.issueId)
      .preload('lists')
      .firstOrFail()
    if (issue.status !== 'draft' && issue.status !== 'scheduled') return { status: 'not_sendable' }
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
    if ((await countRecipients(issue.id)) === 0) return { status: 'no_recipients' }

    if (input.at && input.at > DateTime.now().plus({ minutes: 1 })) {
      return this.schedule(issue, input.at, input.rate ?? null, actor)
    }

    const recipients = await db.transaction(async (trx) => {
      const changed = await trx
        .from('newsletter_issues')
        .where('id', issue.id)
        .whereIn('status', ['draft', 'scheduled'])
        .update({
          status: 'sending',
          compiled_html: compiled.html,
          send_started_at: sqlTimestamp(),
          sent_by: actor.label,
          send_rate: input.rate ?? null,
          updated_at: sqlTimestamp(),
        })
      if (Number(changed) === 0) return null
      const queued = await queueDeliveries(trx, issue.id)
      await recordAuditEvent(trx, actor, {
        module: 'newsletters',
        action: 'issue.send_started',
        details: {
          subject: issue.subject,
          recipients: queued,
          ...(input.rate ? { rate: input.rate } : {}),
        },
        subject: { type: 'newsletter_issue', id: issue.id },
      })
      return queued
    })
    if (recipients === null) return { status: 'not_sendable' }

    const jobs = await dispatchQueuedBatches(issue.id)
    await finishIfDone(issue.id)
    return { status: 'started', recipients, jobs }
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
