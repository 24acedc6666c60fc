import db from '@adonisjs/lucid/services/db'
import type { IssueStatus } from '#newsletters/models/newsletter_issue'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { sqlTimestamp } from '#shared/sql_time'

/**
 * Moves an issue from one of `from` to `to` only if it is still there, and
 * records who did it. False when the issue had moved on meanwhile.
 */
export async function changeSendStatus(
  issueId: number,
  from: IssueStatus[],
  to: IssueStatus,
  actor: Actor,
  action: string
) {
  return db.transaction(async (trx) => {
    const issue = await trx.from('newsletter_issues').where('id', issueId).first()
    if (!issue) return false
    const changed = await trx
      .from('newsletter_issues')
      .where('id', issueId)
      .whereIn('status', from)
      .update({ status: to, updated_at: sqlTimestamp() })
    if (Number(changed) === 0) return false
    await recordAuditEvent(trx, actor, {
      module: 'newsletters',
      action,
      details: { subject: issue.subject },
      subject: { type: 'newsletter_issue', id: issueId },
    })
    return true
  })
}
