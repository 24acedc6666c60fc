/**
 * The OIOUBL file a public buyer (kommune, region, state institution) receives
 * through NemHandel instead of a PDF. It is addressed by the buyer's EAN, so a
 * buyer without one gets no file: they are invoiced by PDF.
 *
 * UBL 2.0 as OIOUBL 2.01 uses it: children must come in the schema's
 * sequence order, and only elements that UBL 2.0 has may appear (a line has no
 * InvoicePeriod there, so a line's period is also written in its Note).
 */
import { create } from 'xmlbuilder2'
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js'
import type {
  InvoiceDocument,
  InvoiceLine,
  InvoiceParty,
  InvoiceVat,
} from '#dues/documents/invoice_document'
import { isValidCvr, isValidEan, normaliseCvr } from '#shared/danish_identifiers'

const UBL = 'urn:oasis:names:specification:ubl:schema:xsd'
const NS = {
  invoice: `${UBL}:Invoice-2`,
  creditNote: `${UBL}:CreditNote-2`,
  cac: `${UBL}:CommonAggregateComponents-2`,
  cbc: `${UBL}:CommonBasicComponents-2`,
  xmlns: 'http://www.w3.org/2000/xmlns/',
}

/** OIOUBL's own code lists are published by agency 320; GS1, which issues EANs, is agency 9. */
const OIOUBL_AGENCY = '320'
const GS1_AGENCY = '9'
/** Billing (invoice and credit note) without a preceding electronic order. */
const PROFILE = 'urn:www.nesubl.eu:profiles:profile5:ver2.0'
/** Moms, in OIOUBL's tax scheme list. */
const VAT_SCHEME = '63'
/** OIOUBL warns when an item name is longer; the full text stays in Description. */
const ITEM_NAME_MAX = 40

export type OioublRefusal =
  | 'no_ean'
  | 'invalid_ean'
  | 'no_reference'
  | 'invalid_seller_cvr'
  | 'no_bank_account'
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

export function renderOioubl(document: InvoiceDocument): string {
  const ean = buyerEan(document)
  const reference = buyerReference(document)
  const sellerCvr = sellerCvrOf(document)
  const bank = document.kind === 'invoice' ? bankAccountOf(document) : null
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
  if (bank) addPaymentMeans(root, document.dueDate, bank)
  addTaxTotal(root, document.netOre, document.vatOre, document.vat)
  addMonetaryTotal(root, document)
  document.lines.forEach((line, index) =>
    addLine(root, isInvoice, index, line, lineVatOre[index], document.vat)
  )

  return root.end({ prettyPrint: true })
}

function buyerEan(document: InvoiceDocument) {
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
function buyerReference(document: InvoiceDocument) {
  const reference = document.buyer.reference?.trim()
  if (!reference) {
    throw new OioublError('no_reference', `${document.buyer.name} has no order or person reference`)
  }
  return reference
}

function sellerCvrOf(document: InvoiceDocument) {
  const cvr = normaliseCvr(document.seller.cvr ?? '')
  if (!isValidCvr(cvr)) {
    throw new OioublError('invalid_seller_cvr', `the seller's CVR "${cvr}" is not valid`)
  }
  return cvr
}

/** Payment by bank transfer (code 42) needs a 4-digit reg. no. and an account of at most 10 digits. */
function bankAccountOf(document: InvoiceDocument) {
  const regNo = document.seller.bankRegNo?.replace(/[\s-]/g, '') ?? ''
  const accountNo = document.seller.bankAccountNo?.replace(/[\s-]/g, '') ?? ''
  if (!/^\d{4}$/.test(regNo) || !/^\d{1,10}$/.test(accountNo)) {
    throw new OioublError('no_bank_account', 'the seller needs a bank reg. no. and account no.')
  }
  return { regNo, accountNo }
}

/**
 * The file must add up on its own: NemHandel rejects one whose lines, VAT and
 * totals disagree. Returns each line's VAT, summing to the document's.
 */
function checkTotals(document: InvoiceDocument): number[] {
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

function addSeller(supplier: XMLBuilder, document: InvoiceDocument, cvr: string) {
  const party = cac(supplier, 'Party')
  cbc(party, 'EndpointID', `DK${cvr}`, { schemeAgencyID: OIOUBL_AGENCY, schemeID: 'DK:CVR' })
  addNameAndAddress(party, document.seller)
  // Only a VAT-registered seller has an SE number; an exempt association has none.
  if (!document.vat.exempt) {
    const taxScheme = cac(party, 'PartyTaxScheme')
    cbc(taxScheme, 'CompanyID', `DK${cvr}`, { schemeID: 'DK:SE' })
    addVatScheme(taxScheme)
  }
  const legal = cac(party, 'PartyLegalEntity')
  cbc(legal, 'RegistrationName', document.seller.name)
  cbc(legal, 'CompanyID', `DK${cvr}`, { schemeID: 'DK:CVR' })
}

function addBuyer(
  customer: XMLBuilder,
  buyer: InvoiceDocument['buyer'],
  ean: string,
  reference: string
) {
  const party = cac(customer, 'Party')
  cbc(party, 'EndpointID', ean, { schemeAgencyID: GS1_AGENCY, schemeID: 'GLN' })
  cbc(cac(party, 'PartyIdentification'), 'ID', ean, { schemeAgencyID: GS1_AGENCY, schemeID: 'GLN' })
  addNameAndAddress(party, buyer)
  // The buyer's CVR is optional here; a mistyped one would get the whole file rejected.
  const cvr = normaliseCvr(buyer.cvr ?? '')
  if (isValidCvr(cvr)) {
    const legal = cac(party, 'PartyLegalEntity')
    cbc(legal, 'RegistrationName', buyer.name)
    cbc(legal, 'CompanyID', `DK${cvr}`, { schemeID: 'DK:CVR' })
  }
  // OIOUBL requires the buyer's Contact; its ID is where a person reference belongs.
  const contact = cac(party, 'Contact')
  cbc(contact, 'ID', reference)
  if (buyer.email) cbc(contact, 'ElectronicMail', buyer.email)
}

function addNameAndAddress(party: XMLBuilder, who: InvoiceParty) {
  cbc(cac(party, 'PartyName'), 'Name', who.name)
  const address = cac(party, 'PostalAddress')
  // StructuredLax: the parts we have, without OIOUBL's demand for a house number.
  cbc(address, 'AddressFormatCode', 'StructuredLax', {
    listAgencyID: OIOUBL_AGENCY,
    listID: 'urn:oioubl:codelist:addressformatcode-1.1',
  })
  if (who.address) {
    const { street, number } = splitStreet(who.address)
    cbc(address, 'StreetName', street)
    if (number) cbc(address, 'BuildingNumber', number)
  }
  if (who.city) cbc(address, 'CityName', who.city)
  if (who.postcode) cbc(address, 'PostalZone', who.postcode)
  cbc(cac(address, 'Country'), 'IdentificationCode', who.country)
}

/** "Vestergade 12A" splits; anything longer ("…, 2. tv") stays whole rather than lose a part. */
function splitStreet(address: string) {
  const oneLine = address
    .split(/\r?\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .join(', ')
  const match = /^(\D+?)\s+(\d+[A-Za-z]?)$/.exec(oneLine)
  return match ? { street: match[1], number: match[2] } : { street: oneLine, number: null }
}

function addPaymentMeans(
  root: XMLBuilder,
  dueDate: string | null,
  bank: { regNo: string; accountNo: string }
) {
  const means = cac(root, 'PaymentMeans')
  cbc(means, 'PaymentMeansCode', '42')
  if (dueDate) cbc(means, 'PaymentDueDate', dueDate)
  cbc(means, 'PaymentChannelCode', 'DK:BANK', {
    listAgencyID: OIOUBL_AGENCY,
    listID: 'urn:oioubl:codelist:paymentchannelcode-1.1',
  })
  const account = cac(means, 'PayeeFinancialAccount')
  cbc(account, 'ID', bank.accountNo)
  cbc(cac(account, 'FinancialInstitutionBranch'), 'ID', bank.regNo)
}

function addTaxTotal(parent: XMLBuilder, taxableOre: number, taxOre: number, vat: InvoiceVat) {
  const total = cac(parent, 'TaxTotal')
  amount(total, 'TaxAmount', taxOre)
  const subtotal = cac(total, 'TaxSubtotal')
  amount(subtotal, 'TaxableAmount', taxableOre)
  amount(subtotal, 'TaxAmount', taxOre)
  const category = cac(subtotal, 'TaxCategory')
  // OIOUBL has no "exempt" category: ZeroRated with the exempting rule as the reason is its way.
  cbc(category, 'ID', vat.exempt ? 'ZeroRated' : 'StandardRated', {
    schemeAgencyID: OIOUBL_AGENCY,
    schemeID: 'urn:oioubl:id:taxcategoryid-1.1',
  })
  cbc(category, 'Percent', vat.exempt ? '0' : String(vat.ratePercent))
  if (vat.exempt) cbc(category, 'TaxExemptionReason', vat.reason)
  addVatScheme(category)
}

function addVatScheme(parent: XMLBuilder) {
  const scheme = cac(parent, 'TaxScheme')
  cbc(scheme, 'ID', VAT_SCHEME, {
    schemeAgencyID: OIOUBL_AGENCY,
    schemeID: 'urn:oioubl:id:taxschemeid-1.1',
  })
  cbc(scheme, 'Name', 'Moms')
}

function addMonetaryTotal(root: XMLBuilder, document: InvoiceDocument) {
  const total = cac(root, 'LegalMonetaryTotal')
  amount(total, 'LineExtensionAmount', document.netOre)
  // OIOUBL, unlike plain UBL, defines TaxExclusiveAmount as the total VAT (rule F-INV127).
  amount(total, 'TaxExclusiveAmount', document.vatOre)
  amount(total, 'TaxInclusiveAmount', document.totalOre)
  amount(total, 'PayableAmount', document.totalOre)
}

function addLine(
  root: XMLBuilder,
  isInvoice: boolean,
  index: number,
  line: InvoiceLine,
  vatOre: number,
  vat: InvoiceVat
) {
  const element = cac(root, isInvoice ? 'InvoiceLine' : 'CreditNoteLine')
  cbc(element, 'ID', String(index + 1))
  if (line.period) cbc(element, 'Note', `Periode ${line.period.start} til ${line.period.end}`)
  cbc(element, isInvoice ? 'InvoicedQuantity' : 'CreditedQuantity', String(line.quantity), {
    unitCode: 'EA',
  })
  amount(element, 'LineExtensionAmount', line.amountOre)
  addTaxTotal(element, line.amountOre, vatOre, vat)
  const item = cac(element, 'Item')
  cbc(item, 'Description', line.description)
  cbc(item, 'Name', line.description.slice(0, ITEM_NAME_MAX))
  const price = cac(element, 'Price')
  amount(price, 'PriceAmount', line.unitOre)
  cbc(price, 'BaseQuantity', '1', { unitCode: 'EA' })
}

function cac(parent: XMLBuilder, name: string) {
  return parent.ele(NS.cac, `cac:${name}`)
}

function cbc(parent: XMLBuilder, name: string, text: string, attributes = {}) {
  parent.ele(NS.cbc, `cbc:${name}`, attributes).txt(text)
}

function amount(parent: XMLBuilder, name: string, ore: number) {
  cbc(parent, name, formatOre(ore), { currencyID: 'DKK' })
}

/** Whole øre to "1250.00", without floating-point rounding. */
export function formatOre(ore: number) {
  const sign = ore < 0 ? '-' : ''
  const abs = Math.abs(ore)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

function sum(values: number[]) {
  return values.reduce((total, value) => total + value, 0)
}
