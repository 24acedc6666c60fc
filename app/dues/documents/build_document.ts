import type { DateTime } from 'luxon'
import type AssociationSettings from '#association/models/association_settings'
import type Organisation from '#members/models/organisation'
import type {
  FikPayment,
  InvoiceDocument,
  InvoiceLine,
  InvoiceVat,
} from '#dues/documents/invoice_document'
import { fikPaymentIdFor, isValidFiCreditorNumber } from '#dues/rules/fik_payment_id'

/** Danish VAT, for the day the association is no longer exempt. */
export const VAT_RATE_PERCENT = 25

export function vatFor(settings: AssociationSettings): InvoiceVat {
  return settings.vatExempt
    ? { exempt: true, reason: settings.vatExemptionText ?? 'Momsfritaget.' }
    : { exempt: false, ratePercent: VAT_RATE_PERCENT }
}

/**
 * The document as issued: the seller and buyer as they are today, so a
 * later change of address leaves past invoices as they were.
 */
export function buildDocument(input: {
  kind: InvoiceDocument['kind']
  number: string
  issueDate: DateTime
  dueDate: DateTime | null
  settings: AssociationSettings
  organisation: Organisation
  lines: InvoiceLine[]
  creditedInvoice?: InvoiceDocument['creditedInvoice']
  note?: string | null
}): InvoiceDocument {
  const { settings, organisation } = input
  const vat = vatFor(settings)
  const netOre = input.lines.reduce((sum, line) => sum + line.amountOre, 0)
  const vatOre = vat.exempt ? 0 : Math.round((netOre * vat.ratePercent) / 100)
  return {
    kind: input.kind,
    number: input.number,
    issueDate: input.issueDate.toISODate()!,
    dueDate: input.dueDate?.toISODate() ?? null,
    currency: 'DKK',
    seller: {
      name: settings.name,
      address: settings.address,
      postcode: settings.postcode,
      city: settings.city,
      country: 'DK',
      cvr: settings.cvr,
      email: settings.email,
      phone: settings.phone,
      bankRegNo: settings.bankRegNo,
      bankAccountNo: settings.bankAccountNo,
      paymentReference: `Faktura ${input.number}`,
    },
    buyer: {
      name: organisation.name,
      address: organisation.address,
      postcode: organisation.postcode,
      city: organisation.city,
      country: 'DK',
      cvr: organisation.cvr,
      email: null,
      ean: organisation.ean,
      reference: organisation.invoiceReference,
    },
    lines: input.lines,
    vat,
    netOre,
    vatOre,
    totalOre: netOre + vatOre,
    creditedInvoice: input.creditedInvoice ?? null,
    note: input.note ?? null,
    fik: input.kind === 'invoice' ? fikPaymentOf(settings, input.number) : null,
  }
}

/** Only an invoice is paid, and only to a creditor number the bank could have issued. */
function fikPaymentOf(settings: AssociationSettings, number: string): FikPayment | null {
  const creditorNo = settings.fiCreditorNo
  if (!creditorNo || !isValidFiCreditorNumber(creditorNo)) return null
  return { paymentId: fikPaymentIdFor(number), creditorNo }
}
