import { test } from '@japa/runner'
import { renderOioubl } from '#dues/documents/oioubl'
import { isValidEan } from '#shared/danish_identifiers'
import { SCHEMATRON, describeErrors, schematronErrors } from '#tests/helpers/oioubl_schematron'
import {
  EAN,
  UBL,
  childElements,
  creditNote,
  find,
  one,
  parse,
  publicInvoice,
  recordingRenderer,
  refusal,
  text,
  texts,
  withBuyer,
} from '#tests/unit/dues/oioubl_documents'
import { databaseFree } from '#tests/helpers/database_free'

/** Every file this spec renders, so the last group can run each through the schematron. */
let currentTest = ''
const { rendered, render } = recordingRenderer(() => currentTest)

const ore = (amount: string | null) => Math.round(Number(amount) * 100)

test.group('OIOUBL: an invoice', (group) => {
  databaseFree(group)
  group.each.setup((current) => {
    currentTest = current.title
  })

  test('is a UBL Invoice with the OIOUBL 2.01 customization', ({ assert }) => {
    const xml = render(publicInvoice())
    assert.isTrue(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>'))
    const root = parse(xml)
    assert.equal(root.localName, 'Invoice')
    assert.equal(root.namespaceURI, `${UBL}:Invoice-2`)
    assert.equal(text(root, 'cbc:UBLVersionID'), '2.0')
    assert.equal(text(root, 'cbc:CustomizationID'), 'OIOUBL-2.01')
    assert.equal(text(root, 'cbc:ProfileID'), 'urn:www.nesubl.eu:profiles:profile5:ver2.0')
    assert.equal(text(root, 'cbc:ID'), '2026-0001')
    assert.equal(text(root, 'cbc:InvoiceTypeCode'), '380')
    assert.equal(text(root, 'cbc:DocumentCurrencyCode'), 'DKK')
  })

  test('keeps the UBL 2.0 sequence of the top-level elements', ({ assert }) => {
    const root = parse(render(publicInvoice({ note: 'Tak for jeres medlemskab' })))
    assert.deepEqual(
      childElements(root).map((element) => element.localName),
      [
        'UBLVersionID',
        'CustomizationID',
        'ProfileID',
        'ID',
        'CopyIndicator',
        'IssueDate',
        'InvoiceTypeCode',
        'Note',
        'DocumentCurrencyCode',
        'InvoicePeriod',
        'OrderReference',
        'AccountingSupplierParty',
        'AccountingCustomerParty',
        'PaymentMeans',
        'TaxTotal',
        'LegalMonetaryTotal',
        'InvoiceLine',
      ]
    )
    assert.deepEqual(
      childElements(one(root, 'cac:InvoiceLine')).map((element) => element.localName),
      ['ID', 'Note', 'InvoicedQuantity', 'LineExtensionAmount', 'TaxTotal', 'Item', 'Price']
    )
  })

  test('is addressed to the buyer by EAN and from the seller by CVR', ({ assert }) => {
    assert.isTrue(isValidEan(EAN))
    const root = parse(render(publicInvoice()))
    const buyerEndpoint = one(root, 'cac:AccountingCustomerParty/cac:Party/cbc:EndpointID')
    assert.equal(buyerEndpoint.getAttribute('schemeID'), 'GLN')
    assert.equal(buyerEndpoint.textContent, EAN)
    const sellerEndpoint = one(root, 'cac:AccountingSupplierParty/cac:Party/cbc:EndpointID')
    assert.equal(sellerEndpoint.getAttribute('schemeID'), 'DK:CVR')
    assert.equal(sellerEndpoint.textContent, 'DK12345674')
    assert.equal(
      text(root, 'cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID'),
      'DK12345674'
    )
    assert.equal(
      text(root, 'cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:StreetName'),
      'Rådhuspladsen'
    )
  })

  test('carries the buyer reference as order reference and as contact ID', ({ assert }) => {
    const root = parse(render(publicInvoice()))
    assert.equal(text(root, 'cac:OrderReference/cbc:ID'), 'Ordre 4711')
    assert.equal(
      text(root, 'cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:ID'),
      'Ordre 4711'
    )
  })

  test('states the issue date, the due date, the account and the period', ({ assert }) => {
    const root = parse(render(publicInvoice()))
    assert.equal(text(root, 'cbc:IssueDate'), '2026-01-15')
    assert.equal(text(root, 'cac:PaymentMeans/cbc:PaymentMeansCode'), '42')
    assert.equal(text(root, 'cac:PaymentMeans/cbc:PaymentDueDate'), '2026-02-14')
    assert.equal(text(root, 'cac:PaymentMeans/cbc:PaymentChannelCode'), 'DK:BANK')
    assert.equal(text(root, 'cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID'), '0012345678')
    assert.equal(
      text(
        root,
        'cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID'
      ),
      '1234'
    )
    assert.equal(text(root, 'cac:InvoicePeriod/cbc:StartDate'), '2026-01-01')
    assert.equal(text(root, 'cac:InvoicePeriod/cbc:EndDate'), '2026-12-31')
  })

  test('has amounts in kroner with two decimals that add up', ({ assert }) => {
    const root = parse(
      render(
        publicInvoice({
          lines: [
            {
              description: 'Kontingent 2026',
              quantity: 1,
              unitOre: 100000,
              amountOre: 100000,
              period: null,
            },
            {
              description: 'Ekstra delegeret',
              quantity: 2,
              unitOre: 12500,
              amountOre: 25000,
              period: null,
            },
          ],
        })
      )
    )
    const lines = find(root, 'cac:InvoiceLine')
    assert.lengthOf(lines, 2)
    assert.deepEqual(texts(root, 'cac:InvoiceLine/cbc:InvoicedQuantity'), ['1', '2'])
    assert.deepEqual(texts(root, 'cac:InvoiceLine/cac:Price/cbc:PriceAmount'), [
      '1000.00',
      '125.00',
    ])
    assert.deepEqual(texts(root, 'cac:InvoiceLine/cbc:LineExtensionAmount'), ['1000.00', '250.00'])

    const total = (name: string) => text(root, `cac:LegalMonetaryTotal/cbc:${name}`)
    assert.equal(total('LineExtensionAmount'), '1250.00')
    const linesOre = texts(root, 'cac:InvoiceLine/cbc:LineExtensionAmount').map(ore)
    assert.equal(
      linesOre.reduce((sum, amount) => sum + amount, 0),
      ore(total('LineExtensionAmount'))
    )
    assert.equal(
      ore(total('LineExtensionAmount')) + ore(text(root, 'cac:TaxTotal/cbc:TaxAmount')),
      ore(total('TaxInclusiveAmount'))
    )
    assert.equal(total('PayableAmount'), total('TaxInclusiveAmount'))
    const amounts = childElements(one(root, 'cac:LegalMonetaryTotal'))
    assert.isTrue(amounts.every((amount) => amount.getAttribute('currencyID') === 'DKK'))
  })

  test('states the exemption when the association charges no VAT', ({ assert }) => {
    const root = parse(render(publicInvoice()))
    const category = 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory'
    assert.equal(text(root, 'cac:TaxTotal/cbc:TaxAmount'), '0.00')
    assert.equal(text(root, `${category}/cbc:ID`), 'ZeroRated')
    assert.equal(text(root, `${category}/cbc:Percent`), '0')
    assert.equal(
      text(root, `${category}/cbc:TaxExemptionReason`),
      'Momsfritaget efter momslovens § 13, stk. 1, nr. 4'
    )
    assert.equal(text(root, `${category}/cac:TaxScheme/cbc:ID`), '63')
    assert.lengthOf(find(root, 'cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme'), 0)
  })

  test('charges 25 % VAT when taxed, with TaxExclusiveAmount as OIOUBL defines it', ({
    assert,
  }) => {
    const root = parse(
      render(
        publicInvoice({
          vat: { exempt: false, ratePercent: 25 },
          vatOre: 31250,
          totalOre: 156250,
        })
      )
    )
    const category = 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory'
    assert.equal(text(root, `${category}/cbc:ID`), 'StandardRated')
    assert.equal(text(root, `${category}/cbc:Percent`), '25')
    assert.lengthOf(find(root, `${category}/cbc:TaxExemptionReason`), 0)
    assert.equal(text(root, 'cac:TaxTotal/cbc:TaxAmount'), '312.50')
    assert.equal(text(root, 'cac:InvoiceLine/cac:TaxTotal/cbc:TaxAmount'), '312.50')
    // OIOUBL rule F-INV127: TaxExclusiveAmount is the VAT total, not the net amount.
    assert.equal(text(root, 'cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount'), '312.50')
    assert.equal(text(root, 'cac:LegalMonetaryTotal/cbc:LineExtensionAmount'), '1250.00')
    assert.equal(text(root, 'cac:LegalMonetaryTotal/cbc:PayableAmount'), '1562.50')
    assert.equal(
      text(root, 'cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID'),
      'DK12345674'
    )
  })

  test('lets the lines carry exactly the VAT rounded on the total', ({ assert }) => {
    const cheap = { description: 'Badge', quantity: 1, unitOre: 1, amountOre: 1, period: null }
    const root = parse(
      render(
        publicInvoice({
          lines: [cheap, cheap, cheap],
          vat: { exempt: false, ratePercent: 25 },
          netOre: 3,
          vatOre: 1,
          totalOre: 4,
        })
      )
    )
    const lineVat = texts(root, 'cac:InvoiceLine/cac:TaxTotal/cbc:TaxAmount').map(ore)
    assert.equal(
      lineVat.reduce((sum, amount) => sum + amount, 0),
      1
    )
  })

  test('escapes names with & and < and keeps æøå as UTF-8', ({ assert }) => {
    const xml = render(withBuyer({ name: 'Smith & Ørsted <Fond>' }))
    assert.include(xml, 'Smith &amp; Ørsted &lt;Fond&gt;')
    const root = parse(xml)
    assert.equal(
      text(root, 'cac:AccountingCustomerParty/cac:Party/cac:PartyName/cbc:Name'),
      'Smith & Ørsted <Fond>'
    )
  })
})

test.group('OIOUBL: a credit note', (group) => {
  databaseFree(group)
  group.each.setup((current) => {
    currentTest = current.title
  })

  test('is a UBL CreditNote that names the credited invoice', ({ assert }) => {
    const root = parse(render(creditNote()))
    assert.equal(root.localName, 'CreditNote')
    assert.equal(root.namespaceURI, `${UBL}:CreditNote-2`)
    const credited = 'cac:BillingReference/cac:InvoiceDocumentReference'
    assert.equal(text(root, `${credited}/cbc:ID`), '2026-0001')
    assert.equal(text(root, `${credited}/cbc:IssueDate`), '2026-01-15')
    assert.equal(text(root, 'cac:CreditNoteLine/cbc:CreditedQuantity'), '1')
    assert.equal(text(root, 'cac:LegalMonetaryTotal/cbc:PayableAmount'), '1250.00')
    assert.deepEqual(
      childElements(root).map((element) => element.localName),
      [
        'UBLVersionID',
        'CustomizationID',
        'ProfileID',
        'ID',
        'CopyIndicator',
        'IssueDate',
        'DocumentCurrencyCode',
        'InvoicePeriod',
        'OrderReference',
        'BillingReference',
        'AccountingSupplierParty',
        'AccountingCustomerParty',
        'TaxTotal',
        'LegalMonetaryTotal',
        'CreditNoteLine',
      ]
    )
  })

  test('is refused without the invoice it credits', ({ assert }) => {
    assert.equal(
      refusal(() => renderOioubl({ ...creditNote(), creditedInvoice: null })),
      'no_credited_invoice'
    )
  })
})

/* Every file the tests above rendered, through the official OIOUBL schematron (tests/fixtures/oioubl). */
test.group('OIOUBL: the official schematron', (group) => {
  databaseFree(group)
  test('every file the tests above rendered passes', async ({ assert }) => {
    assert.isAbove(rendered.length, 0)
    for (const { test: title, xml } of rendered) {
      const errors = await schematronErrors(xml)
      assert.deepEqual(errors, [], `${title}:\n${describeErrors(errors)}`)
    }
  }).skip(SCHEMATRON.skip, SCHEMATRON.reason)
})
