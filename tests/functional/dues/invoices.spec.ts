import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DOMParser, onWarningStopParsing, type Element } from '@xmldom/xmldom'
import Invoice from '#dues/models/invoice'
import Payment from '#dues/models/payment'
import AuditEvent from '#audit/models/audit_event'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { UserFactory } from '#database/factories/user_factory'
import { startMailCatcher, recipientsOf, type MailCatcher } from '#tests/helpers/mail_catcher'
import { pdfText } from '#tests/helpers/pdf_text'
import { foldSpace } from '#tests/helpers/text'
import {
  BUYER_CVRS,
  MUNICIPALITY_EAN,
  SELLER_CVR,
  asBytes,
  issueInvoice,
  member,
  municipality,
  sellerSettings,
  thisYear,
  tierWithFee,
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

function words(text: string) {
  return text.replace(/\s+/g, ' ')
}

/** The association, a tier at 1.250 kr., an ordinary member and a municipality, each invoiced. */
async function invoicedMembers() {
  await sellerSettings()
  const tier = await tierWithFee('Organisationer', 125_000)
  const alfa = await member(tier, {
    name: 'Alfa Forening',
    cvr: BUYER_CVRS[0],
    primaryEmail: 'kasserer@alfa.example.org',
  })
  const kommune = await municipality(tier)
  const alfaInvoice = await issueInvoice(alfa.organisation)
  const kommuneInvoice = await issueInvoice(kommune.organisation)
  return { tier, alfa, kommune, alfaInvoice, kommuneInvoice }
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

test.group('Dues: payments, credit notes and resending', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('a partial payment leaves a balance; more than the balance or a future date is refused; the rest pays it', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const { alfaInvoice: invoice } = await invoicedMembers()
    const today = danishToday().toISODate()!
    const pay = (form: Record<string, string>) =>
      client
        .post(`/dues/invoices/${invoice.id}/payments`)
        .form({ paid_on: today, method: 'bank_transfer', ...form })
        .loginAs(treasurer)
        .withCsrfToken()
        .redirects(0)

    const partial = await pay({ amount: '500,00', method: 'mobilepay', note: 'Første rate' })
    partial.assertHeader('location', `/dues/invoices/${invoice.id}`)
    assert.match(
      partial.flashMessages().success as string,
      /^Betalingen er registreret\. Restbeløb: 750,00 kr\./
    )
    const payments = await Payment.query().where('invoice_id', invoice.id)
    assert.lengthOf(payments, 1)
    assert.strictEqual(payments[0].amountOre, 50_000)
    assert.equal(payments[0].method, 'mobilepay')
    assert.equal(payments[0].paidOn.toISODate(), today)
    assert.equal(payments[0].recordedBy, treasurer.email)

    const page = await client.get(`/dues/invoices/${invoice.id}`).loginAs(treasurer)
    const html = foldSpace(page.text())
    assert.match(html, /data-testid="invoice-status">\s*delvist betalt\s*</)
    assert.match(html, /data-testid="balance">\s*<strong>750,00 kr\.<\/strong>/)
    assert.include(html, 'MobilePay')
    assert.include(html, 'Første rate')

    const over = await pay({ amount: '800,00' })
    over.assertHeader('location', `/dues/invoices/${invoice.id}`)
    const overErrors = over.flashMessages().inputErrorsBag as Record<string, string[]>
    assert.lengthOf(overErrors.amount, 1)
    assert.match(overErrors.amount[0], /^Beløbet er større end restbeløbet på 750,00 kr\./)
    assert.lengthOf(await Payment.query().where('invoice_id', invoice.id), 1)

    const tomorrow = danishToday().plus({ days: 1 }).toISODate()!
    const future = await pay({ amount: '100,00', paid_on: tomorrow })
    future.assertFlashMessage('inputErrorsBag', { paid_on: ['Datoen ligger i fremtiden.'] })
    assert.lengthOf(await Payment.query().where('invoice_id', invoice.id), 1)

    const rest = await pay({ amount: '750,00' })
    assert.match(rest.flashMessages().success as string, /Restbeløb: 0,00 kr\./)
    assert.lengthOf(await Payment.query().where('invoice_id', invoice.id), 2)
    const paidPage = await client.get(`/dues/invoices/${invoice.id}`).loginAs(treasurer)
    const paidHtml = foldSpace(paidPage.text())
    assert.match(paidHtml, /data-testid="invoice-status">\s*betalt\s*</)
    assert.match(paidHtml, /data-testid="balance">\s*<strong>0,00 kr\.<\/strong>/)
    // Nothing left to pay: no payment form, and a paid invoice cannot be credited.
    assert.notInclude(paidHtml, 'data-testid="payment-form"')
    assert.notInclude(paidHtml, `/dues/invoices/${invoice.id}/credit`)

    const oneMore = await pay({ amount: '0,01' })
    assert.match(
      (oneMore.flashMessages().inputErrorsBag as Record<string, string[]>).amount[0],
      /restbeløbet på 0,00 kr\./
    )
    assert.lengthOf(await Payment.query().where('invoice_id', invoice.id), 2)
    assert.lengthOf(
      await AuditEvent.query().where('module', 'dues').where('action', 'payment.recorded'),
      2
    )
  })

  test('a payment of nothing, or less than nothing, is refused', async ({ client, assert }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const { alfaInvoice: invoice } = await invoicedMembers()
    for (const [amount, message] of [
      ['0,00', 'Beløbet skal være større end 0,00 kr.'],
      ['-500,00', 'Beløbet skal være større end 0,00 kr.'],
      ['tolv', 'Skriv et beløb i kroner, fx 1.250,00'],
    ]) {
      const response = await client
        .post(`/dues/invoices/${invoice.id}/payments`)
        .form({ amount, paid_on: danishToday().toISODate()!, method: 'bank_transfer' })
        .loginAs(treasurer)
        .withCsrfToken()
        .redirects(0)
      response.assertStatus(302)
      response.assertFlashMissing('success')
      response.assertFlashMessage('inputErrorsBag', { amount: [message] })
    }
    assert.lengthOf(await Payment.all(), 0)
    const page = await client.get(`/dues/invoices/${invoice.id}`).loginAs(treasurer)
    assert.match(
      foldSpace(page.text()),
      /data-testid="balance">\s*<strong>1\.250,00 kr\.<\/strong>/
    )
  })

  test('crediting an unpaid invoice issues a credit note; a second credit is refused; a replacement gets the next number', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const { alfa, alfaInvoice: invoice } = await invoicedMembers()
    const year = thisYear()

    // While the invoice stands, no second one for the year.
    const tooEarly = await client
      .post(`/dues/organisations/${alfa.organisation.id}/invoices`)
      .form({ year: String(year) })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    tooEarly.assertFlashMessage('error', 'Medlemmet har allerede en faktura for året.')

    const credit = await client
      .post(`/dues/invoices/${invoice.id}/credit`)
      .form({ reason: 'Forkert adresse', confirm_number: invoice.number })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    const creditNote = await Invoice.query().where('kind', 'credit_note').firstOrFail()
    credit.assertHeader('location', `/dues/invoices/${creditNote.id}`)
    credit.assertFlashMessage('success', `Kreditnota K${year}-0001 er udstedt.`)
    assert.equal(creditNote.number, `K${year}-0001`)
    assert.equal(creditNote.creditsInvoiceId, invoice.id)
    assert.equal(creditNote.totalOre, invoice.totalOre)
    assert.equal(creditNote.organisationId, alfa.organisation.id)

    const mail = await catcher.waitFor((m) => recipientsOf(m).includes('kasserer@alfa.example.org'))
    assert.equal(mail.subject, `Kreditnota K${year}-0001 fra Social Talks`)
    assert.equal(mail.attachments[0]?.filename, `kreditnota-K${year}-0001.pdf`)
    assert.include(words(await pdfText(mail.attachments[0].content)), 'Forkert adresse')

    const notePage = await client.get(`/dues/invoices/${creditNote.id}`).loginAs(treasurer)
    notePage.assertStatus(200)
    const noteHtml = foldSpace(notePage.text())
    assert.include(noteHtml, `Kreditnota K${year}-0001`)
    assert.include(noteHtml, `href="/dues/invoices/${invoice.id}"`)

    const originalPage = await client.get(`/dues/invoices/${invoice.id}`).loginAs(treasurer)
    const originalHtml = foldSpace(originalPage.text())
    assert.match(originalHtml, /data-testid="invoice-status">\s*krediteret\s*</)
    assert.include(originalHtml, `href="/dues/invoices/${creditNote.id}"`)
    assert.include(originalHtml, `action="/dues/organisations/${alfa.organisation.id}/invoices"`)

    const again = await client
      .post(`/dues/invoices/${invoice.id}/credit`)
      .form({ confirm_number: invoice.number })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    again.assertHeader('location', `/dues/invoices/${invoice.id}`)
    again.assertFlashMessage('error', 'Fakturaen er allerede krediteret.')
    const creditingTheNote = await client
      .post(`/dues/invoices/${creditNote.id}/credit`)
      .form({ confirm_number: creditNote.number })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    creditingTheNote.assertFlashMessage('error', 'Kun fakturaer kan krediteres.')
    assert.lengthOf(await Invoice.query().where('kind', 'credit_note'), 1)

    const paidAfterCredit = await client
      .post(`/dues/invoices/${invoice.id}/payments`)
      .form({ amount: '100,00', paid_on: danishToday().toISODate()!, method: 'cash' })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    paidAfterCredit.assertFlashMessage(
      'error',
      'Der kan ikke registreres betaling på en krediteret faktura eller en kreditnota.'
    )
    assert.lengthOf(await Payment.all(), 0)

    const replacement = await client
      .post(`/dues/organisations/${alfa.organisation.id}/invoices`)
      .form({ year: String(year) })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    const replaced = await Invoice.query()
      .where('kind', 'invoice')
      .where('organisation_id', alfa.organisation.id)
      .orderBy('id', 'desc')
      .firstOrFail()
    assert.notEqual(replaced.id, invoice.id)
    // Alfa had 0001 and the municipality 0002: the replacement takes the next number.
    assert.equal(replaced.number, `${year}-0003`)
    replacement.assertHeader('location', `/dues/invoices/${replaced.id}`)
    replacement.assertFlashMessage('success', `Faktura ${year}-0003 er udstedt.`)
    await catcher.waitFor((m) => m.subject === `Faktura ${year}-0003 fra Social Talks`)
    assert.lengthOf(await Invoice.query().where('kind', 'invoice'), 3)
  })

  test('an invoice with payments cannot be credited', async ({ client, assert }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const { alfaInvoice: invoice } = await invoicedMembers()
    await client
      .post(`/dues/invoices/${invoice.id}/payments`)
      .form({ amount: '100,00', paid_on: danishToday().toISODate()!, method: 'cash' })
      .loginAs(treasurer)
      .withCsrfToken()

    const response = await client
      .post(`/dues/invoices/${invoice.id}/credit`)
      .form({ reason: 'Fortrudt', confirm_number: invoice.number })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', `/dues/invoices/${invoice.id}`)
    response.assertFlashMessage('error', 'Fakturaen har betalinger og kan ikke krediteres.')
    assert.lengthOf(await Invoice.query().where('kind', 'credit_note'), 0)
    assert.lengthOf(catcher.messages, 0)
  })

  test('resending puts the invoice with its PDF in the billing contact’s mailbox', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const { kommuneInvoice: invoice } = await invoicedMembers()
    assert.lengthOf(catcher.messages, 0)

    const response = await client
      .post(`/dues/invoices/${invoice.id}/send`)
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', `/dues/invoices/${invoice.id}`)
    response.assertFlashMessage('success', 'Mailen er sat i kø til faktura-kontakten.')

    const message = await catcher.waitFor()
    assert.lengthOf(catcher.messages, 1)
    assert.include(recipientsOf(message), 'faktura@aarhus.example.org')
    assert.equal(message.subject, `Faktura ${invoice.number} fra Social Talks`)
    assert.include(message.text!, MUNICIPALITY_EAN)
    const pdf = message.attachments.find((file) => file.contentType === 'application/pdf')
    assert.exists(pdf)
    assert.include(words(await pdfText(pdf!.content)), invoice.number)
  })
})

test.group('Dues: who may see and change invoices', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the board reads the list, an invoice and its documents but changes nothing', async ({
    client,
    assert,
  }) => {
    const board = await UserFactory.apply('board').create()
    const { alfa, alfaInvoice, kommuneInvoice } = await invoicedMembers()

    ;(await client.get('/dues/invoices').loginAs(board)).assertStatus(200)
    const page = await client.get(`/dues/invoices/${alfaInvoice.id}`).loginAs(board)
    page.assertStatus(200)
    assert.notInclude(page.text(), 'data-testid="payment-form"')
    assert.notInclude(page.text(), `/dues/invoices/${alfaInvoice.id}/credit"`)
    assert.notInclude(page.text(), `action="/dues/invoices/${alfaInvoice.id}/send"`)
    const pdf = await asBytes(client.get(`/dues/invoices/${alfaInvoice.id}/pdf`).loginAs(board))
    pdf.assertStatus(200)
    pdf.assertHeader('content-type', 'application/pdf')
    const xml = await asBytes(
      client.get(`/dues/invoices/${kommuneInvoice.id}/oioubl`).loginAs(board)
    )
    xml.assertStatus(200)

    const posts = [
      client
        .post(`/dues/invoices/${alfaInvoice.id}/payments`)
        .form({ amount: '100,00', paid_on: danishToday().toISODate()!, method: 'cash' }),
      client.post(`/dues/invoices/${alfaInvoice.id}/credit`).form({}),
      client.post(`/dues/invoices/${alfaInvoice.id}/send`).form({}),
      client
        .post(`/dues/organisations/${alfa.organisation.id}/invoices`)
        .form({ year: String(thisYear()) }),
      client.post('/dues/remind').form({}),
    ]
    for (const request of posts) {
      const response = await request.loginAs(board).withCsrfToken()
      response.assertStatus(403)
    }
    assert.lengthOf(await Payment.all(), 0)
    assert.lengthOf(await Invoice.all(), 2)
  })

  test('the secretariat is refused everywhere in /dues', async ({ client, assert }) => {
    const secretariat = await UserFactory.apply('secretariat').create()
    const { alfa, alfaInvoice, kommuneInvoice } = await invoicedMembers()
    const year = thisYear()

    for (const path of [
      '/dues',
      `/dues?year=${year}`,
      `/dues/export?year=${year}`,
      '/dues/fees',
      '/dues/invoices',
      `/dues/invoices/${alfaInvoice.id}`,
      `/dues/invoices/${alfaInvoice.id}/pdf`,
      `/dues/invoices/${kommuneInvoice.id}/oioubl`,
    ]) {
      const response = await client.get(path).loginAs(secretariat)
      assert.equal(response.status(), 403, path)
    }
    const posts = [
      client.post('/dues/generate').form({ year: String(year) }),
      client.post('/dues/remind').form({}),
      client
        .post(`/dues/invoices/${alfaInvoice.id}/payments`)
        .form({ amount: '100,00', paid_on: danishToday().toISODate()!, method: 'cash' }),
      client.post(`/dues/invoices/${alfaInvoice.id}/credit`).form({}),
      client.post(`/dues/invoices/${alfaInvoice.id}/send`).form({}),
      client.post(`/dues/organisations/${alfa.organisation.id}/invoices`).form({ year }),
    ]
    for (const request of posts) {
      const response = await request.loginAs(secretariat).withCsrfToken()
      response.assertStatus(403)
    }
    assert.lengthOf(await Payment.all(), 0)
    assert.lengthOf(await Invoice.all(), 2)
  })

  test('a member contact logged in to the portal is refused the staff invoice pages', async ({
    client,
  }) => {
    const { alfa, alfaInvoice } = await invoicedMembers()
    const contact = alfa.contacts[0]
    for (const path of ['/dues/invoices', `/dues/invoices/${alfaInvoice.id}/pdf`]) {
      const response = await client.get(path).withGuard('member').loginAs(contact)
      response.assertStatus(403)
    }
    const anonymous = await client.get(`/dues/invoices/${alfaInvoice.id}`).redirects(0)
    anonymous.assertHeader('location', '/login')
  })
})
