import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js'
import type {
  InvoiceDocument,
  InvoiceLine,
  InvoiceParty,
  InvoiceVat,
} from '#dues/documents/invoice_document'
import type { OioublPayment } from '#dues/documents/oioubl_checks'
import { GS1_AGENCY, OIOUBL_AGENCY, amount, cac, cbc } from '#dues/documents/oioubl_xml'
import { FIK_CARD_TYPE } from '#dues/rules/fik_payment_id'
import { isValidCvr, normaliseCvr } from '#shared/danish_identifiers'

/**
 * The blocks of an OIOUBL file, each written in UBL 2.0's sequence order:
 * the parties, how to pay, the tax and totals, and the lines.
 */

/** Moms, in OIOUBL's tax scheme list. */
const VAT_SCHEME = '63'
/** OIOUBL warns when an item name is longer; the full text stays in Description. */
const ITEM_NAME_MAX = 40

export function addSeller(supplier: XMLBuilder, document: InvoiceDocument, cvr: string) {
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

export function addBuyer(
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

/**
 * Bank transfer (42) to reg. no. and account; or FI-kort +71 (93) as OIOUBL
 * lays it out: channel DK:FIK, the 15-digit payment ID as InstructionID, the
 * card type 71 as PaymentID and the creditor number as CreditAccount.
 */
export function addPaymentMeans(root: XMLBuilder, dueDate: string | null, payment: OioublPayment) {
  const means = cac(root, 'PaymentMeans')
  cbc(means, 'PaymentMeansCode', payment.code)
  if (dueDate) cbc(means, 'PaymentDueDate', dueDate)
  const channel = {
    listAgencyID: OIOUBL_AGENCY,
    listID: 'urn:oioubl:codelist:paymentchannelcode-1.1',
  }
  if (payment.code === '93') {
    cbc(means, 'PaymentChannelCode', 'DK:FIK', channel)
    cbc(means, 'InstructionID', payment.paymentId)
    cbc(means, 'PaymentID', FIK_CARD_TYPE, {
      schemeAgencyID: OIOUBL_AGENCY,
      schemeID: 'urn:oioubl:id:paymentid-1.1',
    })
    cbc(cac(means, 'CreditAccount'), 'AccountID', payment.creditorNo)
    return
  }
  cbc(means, 'PaymentChannelCode', 'DK:BANK', channel)
  const account = cac(means, 'PayeeFinancialAccount')
  cbc(account, 'ID', payment.accountNo)
  cbc(cac(account, 'FinancialInstitutionBranch'), 'ID', payment.regNo)
}

export function addTaxTotal(
  parent: XMLBuilder,
  taxableOre: number,
  taxOre: number,
  vat: InvoiceVat
) {
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

export function addMonetaryTotal(root: XMLBuilder, document: InvoiceDocument) {
  const total = cac(root, 'LegalMonetaryTotal')
  amount(total, 'LineExtensionAmount', document.netOre)
  // OIOUBL, unlike plain UBL, defines TaxExclusiveAmount as the total VAT (rule F-INV127).
  amount(total, 'TaxExclusiveAmount', document.vatOre)
  amount(total, 'TaxInclusiveAmount', document.totalOre)
  amount(total, 'PayableAmount', document.totalOre)
}

export function addLine(
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
