import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Invoice from '#dues/models/invoice'
import Organisation from '#members/models/organisation'
import TierFee from '#members/models/tier_fee'
import { takeNextNumber } from '#dues/numbering'
import { buildDocument } from '#dues/documents/build_document'
import { proratedFee } from '#dues/proration'
import { lacksBuyerReference } from '#dues/rules/buyer_reference'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { isUniqueViolation } from '#shared/database_constraints'
import { danishToday } from '#shared/danish_time'

export type IssueDuesInvoiceResult =
  | { status: 'issued'; invoice: Invoice }
  | { status: 'already_invoiced' | 'not_a_member' | 'no_tier' | 'no_fee' | 'no_reference' }

// Invoices are dated in Danish time; the day has one home with the rest of Danish time.
export { danishToday }

/**
 * One member's dues invoice for a year, at its tier's fee for that year.
 * The number is taken in the same transaction as the invoice is written;
 * the unique dues key makes a second invoice for the same year impossible,
 * even when two runs race. A member with an EAN but no buyer reference is
 * invoiced only when the treasurer has said so (`withoutReference`).
 */
export class IssueDuesInvoice {
  async handle(
    input: {
      organisationId: number
      year: number
      issueDate?: DateTime
      withoutReference?: boolean
    },
    actor: Actor
  ): Promise<IssueDuesInvoiceResult> {
    const organisation = await Organisation.query()
      .where('id', input.organisationId)
      .preload('tier')
      .firstOrFail()
    if (organisation.status !== 'active') return { status: 'not_a_member' }
    if (!organisation.tierId) return { status: 'no_tier' }
    const fee = await TierFee.query()
      .where('tier_id', organisation.tierId)
      .where('year', input.year)
      .first()
    if (!fee) return { status: 'no_fee' }

    const settings = await getAssociationSettings()
    const issueDate = input.issueDate ?? danishToday()
    const dueDate = issueDate.plus({ days: settings.invoiceDueDays })
    const { amountOre, quarters } = proratedFee(
      fee.amountOre,
      input.year,
      organisation.joinedOn,
      settings.duesProration
    )
    const periodStart = DateTime.fromObject({
      year: input.year,
      month: 1 + (4 - quarters) * 3,
      day: 1,
    })
    const duesKey = `${organisation.id}:${input.year}`

    try {
      return await db.transaction(async (trx): Promise<IssueDuesInvoiceResult> => {
        const standing = await Invoice.query({ client: trx }).where('dues_key', duesKey).first()
        if (standing) return { status: 'already_invoiced' }
        if (lacksBuyerReference(organisation) && !input.withoutReference) {
          return { status: 'no_reference' }
        }
        const { series, sequence, number } = await takeNextNumber(trx, 'invoice', issueDate.year)
        const document = buildDocument({
          kind: 'invoice',
          number,
          issueDate,
          dueDate,
          settings,
          organisation,
          lines: [
            {
              description:
                `Kontingent ${input.year}, ${organisation.tier.name}` +
                (quarters < 4 ? ` (${quarters}/4 år)` : ''),
              quantity: 1,
              unitOre: amountOre,
              amountOre,
              period: {
                start: periodStart.toISODate()!,
                end: `${input.year}-12-31`,
              },
            },
          ],
        })
        const invoice = await Invoice.create(
          {
            kind: 'invoice',
            series,
            sequence,
            number,
            organisationId: organisation.id,
            year: input.year,
            tierId: organisation.tierId,
            issueDate,
            dueDate,
            netOre: document.netOre,
            vatOre: document.vatOre,
            totalOre: document.totalOre,
            creditsInvoiceId: null,
            duesKey,
            document,
            createdBy: actor.label,
          },
          { client: trx }
        )
        await recordAuditEvent(trx, actor, {
          module: 'dues',
          action: 'invoice.issued',
          details: { number, organisation: organisation.name, year: input.year },
          subject: { type: 'invoice', id: invoice.id },
        })
        return { status: 'issued', invoice }
      })
    } catch (error) {
      // Another run issued it between our check and our insert; its number stands, ours is rolled back.
      if (isUniqueViolation(error)) return { status: 'already_invoiced' }
      throw error
    }
  }
}
