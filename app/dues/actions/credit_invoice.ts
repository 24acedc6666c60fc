import db from '@adonisjs/lucid/services/db'
import Invoice from '#dues/models/invoice'
import { takeNextNumber } from '#dues/numbering'
import { buildDocument } from '#dues/documents/build_document'
import { balanceOf } from '#dues/queries/invoice_balances'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { supportsRowLocks } from '#shared/row_locks'

export type CreditInvoiceResult =
  | { status: 'credited'; creditNote: Invoice }
  | { status: 'already_credited' | 'has_payments' | 'not_an_invoice' }

/**
 * Cancels an invoice with a credit note of its own number series, for the
 * same lines and amounts. The invoice itself stays as it was issued; its
 * year is free again, so a new invoice can replace it.
 */
export class CreditInvoice {
  async handle(input: { invoiceId: number; reason: string | null }, actor: Actor) {
    const settings = await getAssociationSettings()
    return db.transaction(async (trx): Promise<CreditInvoiceResult> => {
      const query = Invoice.query({ client: trx })
        .where('id', input.invoiceId)
        .preload('organisation')
      if (supportsRowLocks(trx)) query.forUpdate()
      const invoice = await query.firstOrFail()
      if (invoice.kind !== 'invoice') return { status: 'not_an_invoice' }
      const balance = await balanceOf(invoice, danishToday(), trx)
      if (balance.credited) return { status: 'already_credited' }
      if (balance.paidOre > 0) return { status: 'has_payments' }

      const issueDate = danishToday()
      const { series, sequence, number } = await takeNextNumber(trx, 'credit_note', issueDate.year)
      const original = invoice.document
      const document = {
        ...buildDocument({
          kind: 'credit_note',
          number,
          issueDate,
          dueDate: null,
          settings,
          organisation: invoice.organisation,
          lines: original.lines,
          creditedInvoice: { number: invoice.number, issueDate: original.issueDate },
          note: input.reason,
        }),
        // The buyer and VAT as on the invoice being cancelled, not as they are today.
        buyer: original.buyer,
        vat: original.vat,
        netOre: original.netOre,
        vatOre: original.vatOre,
        totalOre: original.totalOre,
      }
      const creditNote = await Invoice.create(
        {
          kind: 'credit_note',
          series,
          sequence,
          number,
          organisationId: invoice.organisationId,
          year: invoice.year,
          tierId: invoice.tierId,
          issueDate,
          dueDate: null,
          netOre: document.netOre,
          vatOre: document.vatOre,
          totalOre: document.totalOre,
          creditsInvoiceId: invoice.id,
          duesKey: null,
          document,
          createdBy: actor.label,
        },
        { client: trx }
      )
      // Not the invoice's content: only the key that kept a second dues invoice out.
      await trx.from('invoices').where('id', invoice.id).update({ dues_key: null })
      await recordAuditEvent(trx, actor, {
        module: 'dues',
        action: 'invoice.credited',
        details: {
          number: invoice.number,
          credit_note: number,
          organisation: invoice.organisation.name,
        },
        subject: { type: 'invoice', id: invoice.id },
      })
      return { status: 'credited', creditNote }
    })
  }
}
