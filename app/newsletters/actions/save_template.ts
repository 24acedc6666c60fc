import db from '@adonisjs/lucid/services/db'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterTemplate from '#newsletters/models/newsletter_template'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

/** An issue's sections kept as a template under a name, for the next issues to start from. */
export class SaveIssueAsTemplate {
  async handle(input: { issueId: number; name: string; description: string | null }, actor: Actor) {
    return db.transaction(async (trx) => {
      const issue = await NewsletterIssue.findOrFail(input.issueId, { client: trx })
      const template = await NewsletterTemplate.create(
        {
          name: input.name,
          description: input.description,
          bodyMjml: issue.bodyMjml,
          createdBy: actor.label,
        },
        { client: trx }
      )
      await recordAuditEvent(trx, actor, {
        module: 'newsletters',
        action: 'template.saved',
        details: { name: template.name, from: issue.subject },
        subject: { type: 'newsletter_template', id: template.id },
      })
      return template
    })
  }
}

/** A template no longer wanted; issues started from it keep their own copy. */
export class DeleteTemplate {
  async handle(input: { templateId: number }, actor: Actor) {
    return db.transaction(async (trx) => {
      const template = await NewsletterTemplate.find(input.templateId, { client: trx })
      if (!template) return false
      await template.useTransaction(trx).delete()
      await recordAuditEvent(trx, actor, {
        module: 'newsletters',
        action: 'template.deleted',
        details: { name: template.name },
        subject: { type: 'newsletter_template', id: input.templateId },
      })
      return true
    })
  }
}
