import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DOMParser, onWarningStopParsing, type Element } from '@xmldom/xmldom'
import Payment from '#dues/models/payment'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { UserFactory } from '#database/factories/user_factory'
import { pdfText } from '#tests/helpers/pdf_text'
import { foldSpace } from '#tests/helpers/text'
import {
  BUYER_CVRS,
  MUNICIPALITY_EAN,
  SELLER_CVR,
  asBytes,
  invoicedMembers,
  issueInvoice,
  municipality,
  sellerSettings,
  thisYear,
  tierWithFee,
  words,
} from '#tests/functional/dues/helpers'
const UBL = 'urn:oasis:names:specification:ubl:schema:xsd'
const NAMESPACES: Record<string, string> = {
  cac: `${UBL}:CommonAggregateComponents-2`,
  cbc: `${UBL}:CommonBasicComponents-2`,
}

function parseXml(xml: string) {
  return new DOMParser({ onError: onWarningStopParsing }).parseFromString(xml, 'application/xml')
    .documentElement!
}

/** Elements at a path of prefixed names ("cac:Party/cbc:Name"), matched by namespace. */
function find(root: Element, path: string) {
  return path.split('/').reduce<Element[]>(
    (parents, step) => {
      const [prefix, localName] = step.split(':')
      return parents.flatMap((parent) =>
        Array.from(parent.childNodes).filter(
          (child): child is Element =>
            child.nodeType === 1 &&
            (child as Element).namespaceURI === NAMESPACES[prefix] &&
            (child as Element).localName === localName
        )
      )
    },
    [root]
  )
}

function one(root: Element, path: string) {
  const found = find(root, path)
  if (found.length !== 1) throw new Error(`${path}: expected one element, found ${found.length}`)
  return found[0]
}
test.group('Dues: the invoice list, an invoice and its documents', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the list shows the year’s invoices and filters unpaid and EAN', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const { alfaInvoice, kommuneInvoice } = await invoicedMembers()
    await Payment.create({
      invoiceId: alfaInvoice.id,
      amountOre: 125_000,
      paidOn: danishToday(),
      method: 'bank_transfer',
      note: null,
      recordedBy: 'test',
    })

    const all = await client.get('/dues/invoices').loginAs(treasurer)
    all.assertStatus(200)
    all.assertTextIncludes(`>${alfaInvoice.number}</a>`)
    all.assertTextIncludes(`>${kommuneInvoice.number}</a>`)
    all.assertTextIncludes('Alfa Forening')
    all.assertTextIncludes('Aarhus Kommune')

    const unpaid = await client.get('/dues/invoices?status=unpaid').loginAs(treasurer)
    unpaid.assertStatus(200)
    unpaid.assertTextIncludes(`>${kommuneInvoice.number}</a>`)
    assert.notInclude(unpaid.text(), `>${alfaInvoice.number}</a>`)

    const paid = await client.get('/dues/invoices?status=paid').loginAs(treasurer)
    paid.assertTextIncludes(`>${alfaInvoice.number}</a>`)
    assert.notInclude(paid.text(), `>${kommuneInvoice.number}</a>`)

    const ean = await client.get('/dues/invoices?ean=1').loginAs(treasurer)
    ean.assertStatus(200)
    ean.assertTextIncludes(`>${kommuneInvoice.number}</a>`)
    ean.assertTextIncludes(`/dues/invoices/${kommuneInvoice.id}/oioubl`)
    ean.assertTextIncludes('upload den til NemHandel')
    assert.notInclude(ean.text(), `>${alfaInvoice.number}</a>`)

    const lastYear = await client.get(`/dues/invoices?year=${thisYear() - 1}`).loginAs(treasurer)
    lastYear.assertTextIncludes('Ingen fakturaer passer til filteret.')
    assert.notInclude(lastYear.text(), `>${alfaInvoice.number}</a>`)
  })

  test('an invoice page shows buyer, amounts and status', async ({ client, assert }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const { alfaInvoice, kommuneInvoice } = await invoicedMembers()

    const page = await client.get(`/dues/invoices/${kommuneInvoice.id}`).loginAs(treasurer)
    page.assertStatus(200)
    const text = foldSpace(page.text())
    assert.include(text, `Faktura ${kommuneInvoice.number}`)
    assert.include(text, 'Aarhus Kommune')
    assert.include(text, MUNICIPALITY_EAN)
    assert.include(text, 'Ordre 4711')
    assert.include(text, `Kontingent ${thisYear()}, Organisationer`)
    assert.include(text, '<strong>1.250,00 kr.</strong>')
    assert.match(text, /data-testid="invoice-status">\s*ikke forfalden\s*</)
    assert.include(text, `href="/dues/invoices/${kommuneInvoice.id}/oioubl"`)
    assert.include(text, 'data-testid="payment-form"')

    const plain = await client.get(`/dues/invoices/${alfaInvoice.id}`).loginAs(treasurer)
    plain.assertTextIncludes(BUYER_CVRS[0])
    assert.notInclude(plain.text(), '/oioubl')

    const missing = await client.get('/dues/invoices/999999').loginAs(treasurer)
    missing.assertStatus(404)
  })

  test('the PDF is served with the invoice’s number, both CVRs, EAN and reference', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const { kommuneInvoice } = await invoicedMembers()

    const response = await asBytes(
      client.get(`/dues/invoices/${kommuneInvoice.id}/pdf`).loginAs(treasurer)
    )
    response.assertStatus(200)
    response.assertHeader('content-type', 'application/pdf')
    assert.include(
      response.header('content-disposition'),
      `filename="faktura-${kommuneInvoice.number}.pdf"`
    )
    const pdf = response.body() as Buffer
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-')
    const text = words(await pdfText(pdf))
    assert.include(text, kommuneInvoice.number)
    assert.include(text, SELLER_CVR)
    assert.include(text, '55133018')
    assert.include(text, MUNICIPALITY_EAN)
    assert.include(text, 'Ordre 4711')
    assert.include(text, '1.250,00')

    ;(await client.get('/dues/invoices/999999/pdf').loginAs(treasurer)).assertStatus(404)
  })

  test('the OIOUBL file of a municipality parses and carries EAN, customization and reference', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const { alfaInvoice, kommuneInvoice } = await invoicedMembers()

    const response = await asBytes(
      client.get(`/dues/invoices/${kommuneInvoice.id}/oioubl`).loginAs(treasurer)
    )
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^application\/xml/)
    assert.include(
      response.header('content-disposition'),
      `filename="oioubl-${kommuneInvoice.number}.xml"`
    )
    const xml = (response.body() as Buffer).toString('utf8')
    const root = parseXml(xml)
    assert.equal(root.localName, 'Invoice')
    assert.equal(root.namespaceURI, `${UBL}:Invoice-2`)
    assert.equal(one(root, 'cbc:CustomizationID').textContent, 'OIOUBL-2.01')
    assert.equal(one(root, 'cbc:ID').textContent, kommuneInvoice.number)
    const endpoint = one(root, 'cac:AccountingCustomerParty/cac:Party/cbc:EndpointID')
    assert.equal(endpoint.getAttribute('schemeID'), 'GLN')
    assert.equal(endpoint.textContent, MUNICIPALITY_EAN)
    assert.include(xml, `schemeID="GLN"`)
    assert.equal(one(root, 'cac:OrderReference/cbc:ID').textContent, 'Ordre 4711')
    assert.equal(
      one(root, 'cac:AccountingSupplierParty/cac:Party/cbc:EndpointID').textContent,
      `DK${SELLER_CVR}`
    )
    assert.equal(one(root, 'cac:LegalMonetaryTotal/cbc:PayableAmount').textContent, '1250.00')
    assert.equal(
      one(root, 'cac:InvoiceLine/cbc:LineExtensionAmount').textContent,
      one(root, 'cac:LegalMonetaryTotal/cbc:LineExtensionAmount').textContent
    )

    const noEan = await client.get(`/dues/invoices/${alfaInvoice.id}/oioubl`).loginAs(treasurer)
    noEan.assertStatus(404)
  })

  test('a municipality without an order reference gets no OIOUBL file, and the treasurer is told why', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    await sellerSettings()
    const tier = await tierWithFee()
    const { organisation } = await municipality(tier, { reference: null })
    const invoice = await issueInvoice(organisation, { withoutReference: true })

    const response = await client
      .get(`/dues/invoices/${invoice.id}/oioubl`)
      .loginAs(treasurer)
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', `/dues/invoices/${invoice.id}`)
    response.assertFlashMessage(
      'error',
      'Fakturaen mangler medlemmets ordre- eller personreference, som offentlige kunder kræver. Kreditér den og udsted en ny, når referencen er sat på medlemmet.'
    )
    assert.notMatch(response.header('content-type') ?? '', /xml/)
  })
})
