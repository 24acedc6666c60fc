import mail from '@adonisjs/mail/services/main'
import env from '#start/env'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { personalise, prepareIssue } from '#newsletters/compose/issue_message'
import type { PlaceholderValues } from '#newsletters/compose/placeholders'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import db from '@adonisjs/lucid/services/db'
import { findOrCreateSubscriber, unmailableAmong } from '#newsletters/subscriber_records'
import {
  testForwardUrl,
  testShareUrl,
  unsubscribeUrl,
  webVersionUrl,
} from '#newsletters/reader_links'
import { keepTestCopy } from '#newsletters/sharing/test_copy'
import { reviewIssue } from '#newsletters/checks/review_issue'
import type { IssueCheck } from '#newsletters/checks/types'
import type { MjmlProblem } from '#newsletters/mjml/problem'
import { associationSender, envelopeSender } from '#shared/mail/sender'

export type SendTestIssueResult =
  | { status: 'sent'; count: number; skipped: string[] }
  | { status: 'has_problems'; problems: number; mjml: MjmlProblem[]; checks: IssueCheck[] }

/**
 * Sends the issue to a few given addresses exactly as a reader would get
 * it, so the secretariat can see it in real mail programs first: the same
 * HTML and text, From the association, and each address's own links. An
 * issue that may not be sent may not be test sent either: the test would
 * show something that can never go out.
 */
export class SendTestIssue {
  async handle(
    input: { issueId: number; addresses: string[] },
    actor: Actor
  ): Promise<SendTestIssueResult> {
    const issue = await NewsletterIssue.findOrFail(input.issueId)
    const settings = await getAssociationSettings()
    const review = await reviewIssue(issue, settings)
    if (!review.html || review.blocking) {
      const blocking = review.checks.filter((check) => check.blocking)
      return {
        status: 'has_problems',
        problems: review.blocking,
        mjml: review.problems,
        checks: blocking,
      }
    }

    const prepared = prepareIssue(`[Test] ${issue.subject}`, review.html)
    const from = associationSender(settings)
    const listId = `<issue-${issue.id}.${new URL(env.get('APP_URL')).hostname}>`
    const unmailable = await unmailableAmong(input.addresses)
    const addresses = input.addresses.filter((address) => !unmailable.has(address.toLowerCase()))
    for (const address of addresses) {
      const copy = personalise(prepared, await this.valuesFor(address, issue.id))
      await mail.send((message) => {
        message
          .from(from.address, from.name)
          .to(address)
          .subject(copy.subject)
          .html(copy.html)
          .text(copy.text)
          .header('List-Id', listId)
        // nodemailer's `sender`: the Sender header and the SMTP envelope, so bounces reach our server.
        const sender = envelopeSender(from)
        if (sender) {
          Object.assign(message.nodeMailerMessage, { sender })
          message.envelope({ from: sender, to: [address] })
        }
        if (settings.email && settings.email !== from.address)
          message.replyTo(settings.email, settings.name)
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

  /**
   * The test address's own links: its unsubscribe link works like any
   * reader's (the address is kept as a subscriber without any list, so no
   * consent is made up), and the web version is the issue's. Its share and
   * forward links lead to its own share page through a test copy, not a
   * delivery: a delivery row would stop the real issue reaching that
   * address, and the test copy's views stay out of the issue's statistics.
   */
  protected async valuesFor(address: string, issueId: number): Promise<PlaceholderValues> {
    const { subscriber, testCopy } = await db.transaction(async (trx) => {
      const found = await findOrCreateSubscriber(trx, { email: address, name: null })
      return { subscriber: found, testCopy: await keepTestCopy(trx, issueId, found.id) }
    })
    const unsubscribe = unsubscribeUrl(subscriber.id)
    return {
      first_name: subscriber.name?.trim() || 'læser',
      share_url: testShareUrl(testCopy.id),
      forward_url: testForwardUrl(testCopy.id),
      unsubscribe_url: unsubscribe,
      preferences_url: unsubscribe,
      web_url: webVersionUrl(issueId),
    }
  }
}
