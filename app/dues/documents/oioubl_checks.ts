import type { InvoiceDocument } from '#dues/documents/invoice_document'
import { sum } from '#dues/documents/oioubl_xml'
import { isValidCvr, isValidEan, normaliseCvr } from '#shared/danish_identifiers'
import { isValidFiCreditorNumber, isValidFikPaymentId } from '#dues/rules/fik_payment_id'

/**
 * What must hold before a document becomes an OIOUBL file: NemHandel and the
 * buyer's system reject a file that breaks any of it, so it is never written.
 */

export type OioublRefusal =
  | 'no_ean'
  | 'invalid_ean'
  | 'no_reference'
  | 'invalid_seller_cvr'
  | 'no_bank_account'
  | 'invalid_fik'
  | 'no_credited_invoice'
  | 'totals_disagree'

/** The document cannot become an OIOUBL file; `reason` says which rule it breaks. */
export class OioublError extends Error {
  constructor(
    readonly reason: OioublRefusal,
    detail: string
  ) {
    super(detail)
    this.name = 'OioublError'
  }
}

export function buyerEan(document: InvoiceDocument) {
  const ean = document.buyer.ean?.replace(/\s/g, '') ?? ''
  if (!ean) {
    throw new OioublError('no_ean', `${document.buyer.name} has no EAN: send the PDF instead`)
  }
  if (!isValidEan(ean)) {
    throw new OioublError('invalid_ean', `${ean} is not a valid EAN (GS1 check digit)`)
  }
  return ean
}

/** Public buyers reject an e-invoice that carries no order or person reference. */
export function buyerReference(document: InvoiceDocument) {
  const reference = document.buyer.reference?.trim()
  if (!reference) {
    throw new OioublError('no_reference', `${document.buyer.name} has no order or person reference`)
  }
  return reference
}

export function sellerCvrOf(document: InvoiceDocument) {
  const cvr = normaliseCvr(document.seller.cvr ?? '')
  if (!isValidCvr(cvr)) {
    throw new OioublError('invalid_seller_cvr', `the seller's CVR "${cvr}" is not valid`)
  }
  return cvr
}

/** How the buyer pays: FI-kort +71 (PaymentMeans 93) when the invoice has it, else a bank transfer (42). */
export type OioublPayment =
  | { code: '93'; paymentId: string; creditorNo: string }
  | { code: '42'; regNo: string; accountNo: string }

export function paymentOf(document: InvoiceDocument): OioublPayment | null {
  // A credit note is not paid; OIOUBL's CreditNote has no payment means to give.
  if (document.kind !== 'invoice') return null
  if (document.fik) {
    const { paymentId, creditorNo } = document.fik
    if (!isValidFikPaymentId(paymentId) || !isValidFiCreditorNumber(creditorNo)) {
      throw new OioublError('invalid_fik', `"+71<${paymentId}+${creditorNo}<" is not an FI line`)
    }
    return { code: '93', paymentId, creditorNo }
  }
  // A bank transfer needs a 4-digit reg. no. and an account of at most 10 digits.
  const regNo = document.seller.bankRegNo?.replace(/[\s-]/g, '') ?? ''
  const accountNo = document.seller.bankAccountNo?.replace(/[\s-]/g, '') ?? ''
  if (!/^\d{4}$/.test(regNo) || !/^\d{1,10}$/.test(accountNo)) {
    throw new OioublError('no_bank_account', 'the seller needs a bank reg. no. and account no.')
  }
  return { code: '42', regNo, accountNo }
}

/**
 * The file must add up on its own: NemHandel rejects one whose lines, VAT and
 * totals disagree. Returns each line's VAT, summing to the document's.
 */
export function checkTotals(document: InvoiceDocument): number[] {
  const { lines, vat } = document
  const fail = (detail: string) => new OioublError('totals_disagree', detail)
  if (lines.length === 0) throw fail('the document has no lines')
  lines.forEach((line, index) => {
    const label = `line ${index + 1}`
    if (![line.unitOre, line.amountOre].every((ore) => Number.isSafeInteger(ore) && ore >= 0)) {
      throw fail(`${label}: amounts must be whole, non-negative øre`)
    }
    if (!(line.quantity > 0) || Number(line.quantity.toFixed(4)) !== line.quantity) {
      throw fail(`${label}: the quantity must be positive with at most 4 decimals`)
    }
    if (Math.round(line.quantity * line.unitOre) !== line.amountOre) {
      throw fail(`${label}: ${line.quantity} × ${line.unitOre} øre is not ${line.amountOre} øre`)
    }
  })
  const linesOre = sum(lines.map((line) => line.amountOre))
  if (linesOre !== document.netOre) {
    throw fail(`the lines add up to ${linesOre} øre, the net total says ${document.netOre}`)
  }
  if (!vat.exempt && !(vat.ratePercent > 0)) throw fail('a taxed document needs a positive rate')
  const vatOf = (ore: number) => (vat.exempt ? 0 : Math.round((ore * vat.ratePercent) / 100))
  const lineVatOre = lines.map((line) => vatOf(line.amountOre))
  // VAT may be rounded once on the total or once per line; both are lawful.
  if (document.vatOre !== vatOf(document.netOre) && document.vatOre !== sum(lineVatOre)) {
    throw fail(`VAT of ${document.vatOre} øre does not follow from ${document.netOre} øre`)
  }
  if (document.netOre + document.vatOre !== document.totalOre) {
    throw fail(`${document.netOre} + ${document.vatOre} øre is not ${document.totalOre} øre`)
  }
  // Rounded on the total, the lines' VAT can be an øre or two off: the largest line absorbs it.
  const largest = lines.reduce(
    (best, line, index) => (line.amountOre > lines[best].amountOre ? index : best),
    0
  )
  lineVatOre[largest] += document.vatOre - sum(lineVatOre)
  return lineVatOre
}
