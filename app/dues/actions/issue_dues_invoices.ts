import type { DateTime } from 'luxon'
import { getDuesCandidates } from '#dues/queries/dues_candidates'
import { IssueDuesInvoice } from '#dues/actions/issue_dues_invoice'
import SendInvoiceMailJob from '#dues/jobs/send_invoice_mail_job'
import type Invoice from '#dues/models/invoice'
import type { Actor } from '#audit/actor'
import { proratedFee } from '#dues/proration'
import { lacksBuyerReference } from '#dues/rules/buyer_reference'
import { getAssociationSettings } from '#association/queries/get_association_settings'

export type DuesRunSummary = {
  issued: Invoice[]
  /** Members a run would invoice (a dry run lists them instead of issuing). */
  wouldIssue: { organisation: string; amountOre: number }[]
  alreadyInvoiced: number
  /** Members who cannot be invoiced yet, and why. */
  skipped: { organisation: string; reason: 'no_tier' | 'no_fee' | 'no_reference' }[]
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
    const summary: DuesRunSummary = { issued: [], wouldIssue: [], alreadyInvoiced: 0, skipped: [] }
    const settings = await getAssociationSettings()
    for (const candidate of await getDuesCandidates(input.year)) {
      const name = candidate.organisation.name
      if (candidate.invoiced) {
        summary.alreadyInvoiced++
        continue
      }
      if (!candidate.organisation.tierId || candidate.feeOre === null) {
        summary.skipped.push({
          organisation: name,
          reason: candidate.organisation.tierId ? 'no_fee' : 'no_tier',
        })
        continue
      }
      if (!input.withoutReference && lacksBuyerReference(candidate.organisation)) {
        summary.skipped.push({ organisation: name, reason: 'no_reference' })
        continue
      }
      if (input.dryRun) {
        const { amountOre } = proratedFee(
          candidate.feeOre,
          input.year,
          candidate.organisation.joinedOn,
          settings.duesProration
        )
        summary.wouldIssue.push({ organisation: name, amountOre })
        continue
      }
      const result = await new IssueDuesInvoice().handle(
        {
          organisationId: candidate.organisation.id,
          year: input.year,
          issueDate: input.issueDate,
          withoutReference: input.withoutReference,
        },
        actor
      )
      if (result.status === 'issued') {
        summary.issued.push(result.invoice)
        if (input.mail !== false) {
          await SendInvoiceMailJob.dispatch({ invoiceId: result.invoice.id, purpose: 'invoice' })
        }
      } else if (result.status === 'already_invoiced') {
        summary.alreadyInvoiced++
      } else if (result.status === 'no_reference') {
        // The reference was removed while the run was going.
        summary.skipped.push({ organisation: name, reason: 'no_reference' })
      }
    }
    return summary
  }
}
