import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Payment from '#dues/models/payment'
import TierFee from '#members/models/tier_fee'
import { CreditInvoice } from '#dues/actions/credit_invoice'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { Actors } from '#audit/actor'
import { UserFactory } from '#database/factories/user_factory'
import { pdfText } from '#tests/helpers/pdf_text'
import { foldSpace } from '#tests/helpers/text'
import {
  asBytes,
  issueInvoice,
  member,
  sellerSettings,
  thisYear,
  tierWithFee,
} from '#tests/functional/dues/helpers'

/** Two members, each with this year's invoice; the first also last year's, paid. */
async function twoMembers() {
  await sellerSettings()
  const tier = await tierWithFee('Organisationer', 125_000)
  await TierFee.create({ tierId: tier.id, year: thisYear() - 1, amountOre: 100_000 })
  const ours = await member(tier, {
    name: 'LIVSVÆRK',
    primaryEmail: 'lene@livsvaerk.example.org',
  })
  const theirs = await member(tier, { name: 'Naboforeningen', primaryEmail: 'x@nabo.example.org' })
  const lastYear = await issueInvoice(ours.organisation, {
    year: thisYear() - 1,
    issueDate: danishToday().minus({ years: 1 }),
  })
  await Payment.create({
    invoiceId: lastYear.id,
    amountOre: lastYear.totalOre,
    paidOn: danishToday().minus({ months: 11 }),
    method: 'bank_transfer',
    note: null,
    recordedBy: 'test',
  })
  const ourInvoice = await issueInvoice(ours.organisation)
  const theirInvoice = await issueInvoice(theirs.organisation)
  return { ours, theirs, lastYear, ourInvoice, theirInvoice, contact: ours.contacts[0] }
}

test.group('Member portal: invoices', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a member contact sees its own organisation’s invoices and downloads the PDF', async ({
    client,
    assert,
  }) => {
    const { lastYear, ourInvoice, theirInvoice, contact } = await twoMembers()

    const page = await client.get('/medlem/fakturaer').withGuard('member').loginAs(contact)
    page.assertStatus(200)
    const html = foldSpace(page.text())
    assert.include(html, 'data-testid="portal-invoice-list"')
    assert.include(html, ourInvoice.number)
    assert.include(html, lastYear.number)
    assert.notInclude(html, theirInvoice.number)
    assert.notInclude(html, 'Naboforeningen')
    assert.include(html, `href="/medlem/fakturaer/${ourInvoice.id}/pdf"`)
    assert.notInclude(html, `/medlem/fakturaer/${theirInvoice.id}/pdf`)
    // Newest first, each with its status and balance.
    assert.isBelow(html.indexOf(ourInvoice.number), html.indexOf(lastYear.number))
    assert.match(html, /<td data-label="[^"]+">\s*ikke forfalden\s*<\/td>/)
    assert.match(html, /<td data-label="[^"]+">\s*betalt\s*<\/td>/)
    assert.include(html, '1.250,00 kr.')
    assert.include(html, '1.000,00 kr.')

    const pdf = await asBytes(
      client.get(`/medlem/fakturaer/${ourInvoice.id}/pdf`).withGuard('member').loginAs(contact)
    )
    pdf.assertStatus(200)
    pdf.assertHeader('content-type', 'application/pdf')
    const text = await pdfText(pdf.body() as Buffer)
    assert.include(text, ourInvoice.number)
    assert.include(text, 'LIVSVÆRK')
  })

  test('another organisation’s invoice is not found', async ({ client, assert }) => {
    const { theirInvoice, contact } = await twoMembers()
    const response = await client
      .get(`/medlem/fakturaer/${theirInvoice.id}/pdf`)
      .withGuard('member')
      .loginAs(contact)
    response.assertStatus(404)
    assert.notEqual(response.header('content-type'), 'application/pdf')
    const unknown = await client
      .get('/medlem/fakturaer/999999/pdf')
      .withGuard('member')
      .loginAs(contact)
    unknown.assertStatus(404)
  })

  test('a credit note is listed as such and downloads as one', async ({ client, assert }) => {
    const { ourInvoice, contact } = await twoMembers()
    const result = await new CreditInvoice().handle(
      { invoiceId: ourInvoice.id, reason: 'Fejl i adressen' },
      Actors.system('test')
    )
    if (result.status !== 'credited') throw new Error(result.status)

    const page = await client.get('/medlem/fakturaer').withGuard('member').loginAs(contact)
    const html = foldSpace(page.text())
    assert.include(html, `Kreditnota ${result.creditNote.number}`)
    assert.include(html, 'krediteret')

    const pdf = await asBytes(
      client
        .get(`/medlem/fakturaer/${result.creditNote.id}/pdf`)
        .withGuard('member')
        .loginAs(contact)
    )
    pdf.assertStatus(200)
    assert.include(pdf.header('content-disposition'), `kreditnota-${result.creditNote.number}.pdf`)
  })

  test('a member without invoices is told so', async ({ client }) => {
    await sellerSettings()
    const { contacts } = await member(null, { name: 'Ny Forening', primaryEmail: 'ny@example.org' })
    const page = await client.get('/medlem/fakturaer').withGuard('member').loginAs(contacts[0])
    page.assertStatus(200)
    page.assertTextIncludes('Der er ingen fakturaer endnu.')
  })

  test('visitors and staff are sent to the portal login, as on the other portal pages', async ({
    client,
  }) => {
    const { ourInvoice } = await twoMembers()
    const anonymous = await client.get('/medlem/fakturaer').redirects(0)
    anonymous.assertHeader('location', '/medlem')
    const anonymousPdf = await client.get(`/medlem/fakturaer/${ourInvoice.id}/pdf`).redirects(0)
    anonymousPdf.assertHeader('location', '/medlem')

    const treasurer = await UserFactory.apply('treasurer').create()
    const staff = await client.get('/medlem/fakturaer').loginAs(treasurer).redirects(0)
    staff.assertHeader('location', '/medlem')
    const staffPdf = await client
      .get(`/medlem/fakturaer/${ourInvoice.id}/pdf`)
      .loginAs(treasurer)
      .redirects(0)
    staffPdf.assertHeader('location', '/medlem')
  })

  test('a contact of a former member is logged out and sent to the portal login', async ({
    client,
  }) => {
    const { ours, contact } = await twoMembers()
    ours.organisation.merge({ status: 'resigned', leftOn: danishToday() })
    await ours.organisation.save()
    const response = await client
      .get('/medlem/fakturaer')
      .withGuard('member')
      .loginAs(contact)
      .redirects(0)
    response.assertHeader('location', '/medlem')
  })
})
