import type { DateTime } from 'luxon'
import { IssueDuesInvoice, type IssueDuesInvoiceResult } from '#dues/actions/issue_dues_invoice'
import SendInvoiceMailJob from '#dues/jobs/send_invoice_mail_job'
import type Invoice from '#dues/models/invoice'
import type { Actor } from '#audit/actor'
import { planInvoiceRun, type SkipReason } from '#dues/queries/plan_invoice_run'

export type DuesRunSummary = {
  issued: Invoice[]
  /** Members a run would invoice (a dry run lists them instead of issuing). */
  wouldIssue: { organisation: string; amountOre: number }[]
  alreadyInvoiced: number
  /** Members who cannot be invoiced yet, and why. */
  skipped: { organisation: string; reason: SkipReason }[]
}

/**
 * One planned member's invoice, mailed unless told not to: the step every
 * dues run takes, from the ace command and from a confirmed run alike.
 */
export async function issuePlannedInvoice(
  input: {
    organisationId: number
    year: number
    issueDate?: DateTime
    withoutReference?: boolean
    mail?: boolean
  },
  actor: Actor
): Promise<IssueDuesInvoiceResult> {
  const result = await new IssueDuesInvoice().handle(input, actor)
  if (result.status === 'issued' && input.mail !== false) {
    await SendInvoiceMailJob.dispatch({ invoiceId: result.invoice.id, purpose: 'invoice' })
  }
  return result
}

/**
 * The year's dues run: an invoice for every active member that has none
 * for the year. Run it again and it issues nothing twice; a member who
 * joined since gets theirs. Members with an EAN but no buyer reference are
 * held back and named, unless `withoutReference` says to invoice them too:
 * once their reference is set, the next run invoices them.
 */
export class IssueDuesInvoices {
  async handle(
    input: {
      year: number
      dryRun?: boolean
      issueDate?: DateTime
      mail?: boolean
      withoutReference?: boolean
    },
    actor: Actor
  ): Promise<DuesRunSummary> {
    const plan = await planInvoiceRun({
      year: input.year,
      withoutReference: input.withoutReference ?? false,
    })
    const summary: DuesRunSummary = {
      issued: [],
      wouldIssue: [],
      alreadyInvoiced: plan.alreadyInvoiced,
      skipped: plan.skipped.map(({ organisation, reason }) => ({ organisation, reason })),
    }
    for (const item of plan.items) {
      if (input.dryRun) {
        summary.wouldIssue.push({ organisation: item.organisation, amountOre: item.amountOre })
        continue
      }
      const result = await issuePlannedInvoice(
        {
          organisationId: item.organisationId,
          year: input.year,
          issueDate: input.issueDate,
          withoutReference: input.withoutReference,
          mail: input.mail,
        },
        actor
      )
      if (result.status === 'issued') {
        summary.issued.push(result.invoice)
      } else if (result.status === 'already_invoiced') {
        summary.alreadyInvoiced++
      } else if (result.status === 'no_reference') {
        // The reference was removed while the run was going.
        summary.skipped.push({ organisation: item.organisation, reason: 'no_reference' })
      }
    }
    return summary
  }
}
