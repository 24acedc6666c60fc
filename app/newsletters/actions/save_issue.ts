import db from '@adonisjs/lucid/services/db'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import type { Actor } from '#audit/actor'
import { diffFields, recordAuditEvent } from '#audit/actions/record_audit_event'

export type IssueInput = {
  subject: string
  preheader: string | null
  bodyMjml: string
  listIds: number[]
}

export type SaveIssueResult =
  { status: 'saved'; issue: NewsletterIssue } | { status: 'not_a_draft' }

/** Saves a draft. A draft may still have problems; sending will refuse it until it has none. */
export class SaveIssue {
  async handle(issueId: number | null, input: IssueInput, actor: Actor): Promise<SaveIssueResult> {
    return db.transaction(async (trx) => {
      const issue = issueId
        ? await NewsletterIssue.findOrFail(issueId, { client: trx })
        : new NewsletterIssue()
      if (issue.$isPersisted && issue.status !== 'draft') return { status: 'not_a_draft' as const }
      const { listIds, ...fields } = input
      const changes = issue.$isPersisted
        ? diffFields(issue.$attributes, { subject: fields.subject, preheader: fields.preheader })
        : null
      issue.merge({ ...fields, status: 'draft', createdBy: issue.createdBy ?? actor.label })
      await issue.useTransaction(trx).save()
      await issue.related('lists').sync(listIds, true, trx)
      await recordAuditEvent(trx, actor, {
        module: 'newsletters',
        action: issueId ? 'issue.saved' : 'issue.created',
        details: { subject: issue.subject },
        subject: { type: 'newsletter_issue', id: issue.id },
        changes,
      })
      return { status: 'saved' as const, issue }
    })
  }
}
