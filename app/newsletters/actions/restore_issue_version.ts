import db from '@adonisjs/lucid/services/db'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterIssueVersion from '#newsletters/models/newsletter_issue_version'
import { recordIssueVersion } from '#newsletters/actions/record_issue_version'
import type { Actor } from '#audit/actor'
import { diffFields, recordAuditEvent } from '#audit/actions/record_audit_event'
import { supportsRowLocks } from '#shared/row_locks'

export type RestoreVersionResult =
  | { status: 'restored'; issue: NewsletterIssue }
  | { status: 'not_a_draft' }
  | { status: 'unknown_version' }

/**
 * Makes an earlier version the draft again, as a new save: what it replaces
 * stays in the history, so a restore can itself be undone. The version's
 * MJML was saved once already, so the visual view's checks are not rerun.
 */
export class RestoreIssueVersion {
  async handle(issueId: number, versionId: number, actor: Actor): Promise<RestoreVersionResult> {
    return db.transaction(async (trx) => {
      const query = NewsletterIssue.query({ client: trx }).where('id', issueId)
      if (supportsRowLocks(trx)) query.forUpdate()
      const issue = await query.firstOrFail()
      if (issue.status !== 'draft') return { status: 'not_a_draft' as const }
      const version = await NewsletterIssueVersion.query({ client: trx })
        .where('id', versionId)
        .where('issue_id', issue.id)
        .first()
      if (!version) return { status: 'unknown_version' as const }
      const earlier = {
        subject: issue.subject,
        preheader: issue.preheader,
        bodyMjml: issue.bodyMjml,
        savedBy: issue.createdBy,
        savedAt: issue.updatedAt,
      }
      const changes = diffFields(issue.$attributes, {
        subject: version.subject,
        preheader: version.preheader,
      })
      issue.merge({
        subject: version.subject,
        preheader: version.preheader,
        bodyMjml: version.bodyMjml,
      })
      await issue.useTransaction(trx).save()
      await recordIssueVersion(trx, issue, actor, { autosave: false, earlier })
      await recordAuditEvent(trx, actor, {
        module: 'newsletters',
        action: 'issue.version_restored',
        details: {
          subject: issue.subject,
          version: version.id,
          savedAt: version.savedAt.toISO() ?? '',
        },
        subject: { type: 'newsletter_issue', id: issue.id },
        changes,
      })
      return { status: 'restored' as const, issue }
    })
  }
}
