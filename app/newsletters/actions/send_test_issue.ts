import mail from '@adonisjs/mail/services/main'
import env from '#start/env'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { compileIssue } from '#newsletters/actions/compile_issue'
import { personalise, prepareIssue } from '#newsletters/compose/issue_message'
import { SAMPLE_READER } from '#newsletters/compose/sample_reader'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import db from '@adonisjs/lucid/services/db'
import { unmailableAmong } from '#newsletters/subscriber_records'

export type SendTestIssueResult =
  | { status: 'sent'; count: number; skipped: string[] }
  | { status: 'has_problems'; problems: number }

/**
 * Sends the issue, as a sample reader would get it, to a few given
 * addresses, so the secretariat can see it in real mail programs first.
 */
export class SendTestIssue {
  async handle(
    input: { issueId: number; addresses: string[] },
    actor: Actor
  ): Promise<SendTestIssueResult> {
    const issue = await NewsletterIssue.findOrFail(input.issueId)
    const settings = await getAssociationSettings()
    const compiled = await compileIssue(issue.bodyMjml, settings, issue.preheader)
    if (!compiled.html) return { status: 'has_problems', problems: compiled.problems.length }

    const copy = personalise(prepareIssue(`[Test] ${issue.subject}`, compiled.html), SAMPLE_READER)
    const listId = `<issue-${issue.id}.${new URL(env.get('APP_URL')).hostname}>`
    const unmailable = await unmailableAmong(input.addresses)
    const addresses = input.addresses.filter((address) => !unmailable.has(address.toLowerCase()))
    for (const address of addresses) {
      await mail.send((message) => {
        message
          .to(address)
          .subject(copy.subject)
          .html(copy.html)
          .text(copy.text)
          .header('List-Id', listId)
        if (settings.email) message.replyTo(settings.email, settings.name)
      })
    }
    await db.transaction((trx) =>
      recordAuditEvent(trx, actor, {
        module: 'newsletters',
        action: 'issue.test_sent',
        details: { subject: issue.subject, addresses: addresses.join(', ') },
        subject: { type: 'newsletter_issue', id: issue.id },
      })
    )
    return { status: 'sent', count: addresses.length, skipped: [...unmailable] }
  }
}
