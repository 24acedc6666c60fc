/**
 * The OIOUBL file a public buyer (kommune, region, state institution) receives
 * through NemHandel instead of a PDF. It is addressed by the buyer's EAN, so a
 * buyer without one gets no file: they are invoiced by PDF.
 *
 * UBL 2.0 as OIOUBL 2.01 uses it: children must come in the schema's
 * sequence order, and only elements that UBL 2.0 has may appear (a line has no
 * InvoicePeriod there, so a line's period is also written in its Note). The
 * official OIOUBL schematron checks every variant in the test suite.
 */
import { create } from 'xmlbuilder2'
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js'
import type { InvoiceDocument, InvoiceLine } from '#dues/documents/invoice_document'
import {
  OioublError,
  buyerEan,
  buyerReference,
  checkTotals,
  paymentOf,
  sellerCvrOf,
} from '#dues/documents/oioubl_checks'
import {
  addBuyer,
  addLine,
  addMonetaryTotal,
  addPaymentMeans,
  addSeller,
  addTaxTotal,
} from '#dues/documents/oioubl_parts'
import { NS, OIOUBL_AGENCY, cac, cbc } from '#dues/documents/oioubl_xml'

export { OioublError, type OioublRefusal } from '#dues/documents/oioubl_checks'
export { formatOre } from '#dues/documents/oioubl_xml'

/** Billing (invoice and credit note) without a preceding electronic order. */
const PROFILE = 'urn:www.nesubl.eu:profiles:profile5:ver2.0'

export function renderOioubl(document: InvoiceDocument): string {
  const ean = buyerEan(document)
  const reference = buyerReference(document)
  const sellerCvr = sellerCvrOf(document)
  const payment = paymentOf(document)
  if (document.kind === 'credit_note' && !document.creditedInvoice) {
    throw new OioublError('no_credited_invoice', 'a credit note must name the invoice it credits')
  }
  const lineVatOre = checkTotals(document)

  const isInvoice = document.kind === 'invoice'
  // Control characters pasted into a name are not allowed in XML at all: drop them.
  const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' }).ele(
    isInvoice ? NS.invoice : NS.creditNote,
    isInvoice ? 'Invoice' : 'CreditNote'
  )
  root.att(NS.xmlns, 'xmlns:cac', NS.cac).att(NS.xmlns, 'xmlns:cbc', NS.cbc)

  cbc(root, 'UBLVersionID', '2.0')
  cbc(root, 'CustomizationID', 'OIOUBL-2.01')
  cbc(root, 'ProfileID', PROFILE, {
    schemeAgencyID: OIOUBL_AGENCY,
    schemeID: 'urn:oioubl:id:profileid-1.2',
  })
  cbc(root, 'ID', document.number)
  cbc(root, 'CopyIndicator', 'false')
  cbc(root, 'IssueDate', document.issueDate)
  // UBL 2.0 has a type code on the invoice only; a credit note is one by its root.
  if (isInvoice) {
    cbc(root, 'InvoiceTypeCode', '380', {
      listAgencyID: OIOUBL_AGENCY,
      listID: 'urn:oioubl:codelist:invoicetypecode-1.1',
    })
  }
  if (document.note) cbc(root, 'Note', document.note)
  cbc(root, 'DocumentCurrencyCode', document.currency)
  addInvoicePeriod(root, document.lines)
  // We cannot tell an order number from a person reference, so the reference
  // goes both here and in the buyer's Contact/ID: the buyer's system routes on
  // whichever it reads.
  cbc(cac(root, 'OrderReference'), 'ID', reference)
  if (document.creditedInvoice) {
    const credited = cac(cac(root, 'BillingReference'), 'InvoiceDocumentReference')
    cbc(credited, 'ID', document.creditedInvoice.number)
    cbc(credited, 'IssueDate', document.creditedInvoice.issueDate)
  }
  addSeller(cac(root, 'AccountingSupplierParty'), document, sellerCvr)
  addBuyer(cac(root, 'AccountingCustomerParty'), document.buyer, ean, reference)
  if (payment) addPaymentMeans(root, document.dueDate, payment)
  addTaxTotal(root, document.netOre, document.vatOre, document.vat)
  addMonetaryTotal(root, document)
  document.lines.forEach((line, index) =>
    addLine(root, isInvoice, index, line, lineVatOre[index], document.vat)
  )

  return root.end({ prettyPrint: true })
}

function addInvoicePeriod(root: XMLBuilder, lines: InvoiceLine[]) {
  const periods = lines.flatMap((line) => (line.period ? [line.period] : []))
  if (periods.length === 0) return
  const period = cac(root, 'InvoicePeriod')
  cbc(period, 'StartDate', periods.map((p) => p.start).sort()[0])
  cbc(
    period,
    'EndDate',
    periods
      .map((p) => p.end)
      .sort()
      .at(-1)!
  )
}
