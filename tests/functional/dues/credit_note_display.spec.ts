import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import Invoice from '#dues/models/invoice'
import { UserFactory } from '#database/factories/user_factory'
import { recipientsOf, startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { pdfText } from '#tests/helpers/pdf_text'
import { foldSpace } from '#tests/helpers/text'
import {
  asBytes,
  issueInvoice,
  member,
  sellerSettings,
  tierWithFee,
} from '#tests/functional/dues/helpers'

/*
 * A credit note goes the other way: wherever a person reads it, its amount
 * is negative, it is called a Kreditnota, and its date is its own, never
 * "Fakturadato".
 */

/** The table row (`<tr>…</tr>`) of a page that mentions the text. */
function rowWith(html: string, text: string) {
  const row = foldSpace(html)
    .split('<tr>')
    .find((part) => part.includes(text))
  if (!row) throw new Error(`no row mentions ${text}`)
  return row.split('</tr>')[0]
}

test.group('Dues: a credit note shows as one, negative, everywhere', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  async function creditedInvoice(client: ApiClient) {
    await sellerSettings()
    const treasurer = await UserFactory.apply('treasurer').create()
    const tier = await tierWithFee('Organisationer', 125_000)
    const alfa = await member(tier, {
      name: 'Alfa Forening',
      primaryEmail: 'kasserer@alfa.example.org',
    })
    const invoice = await issueInvoice(alfa.organisation)
    await client
      .post(`/dues/invoices/${invoice.id}/credit`)
      .form({ reason: 'Udmeldt før året begyndte', confirm_number: invoice.number })
      .loginAs(treasurer)
      .withCsrfToken()
    const creditNote = await Invoice.query().where('kind', 'credit_note').firstOrFail()
    return { treasurer, alfa, invoice, creditNote }
  }

  test('in the invoice list, on its own page and on the member’s page', async ({
    client,
    assert,
  }) => {
    const { treasurer, alfa, invoice, creditNote } = await creditedInvoice(client)

    const list = await client.get(`/dues/invoices?year=${invoice.year}`).loginAs(treasurer)
    const listHtml = foldSpace(list.text())
    assert.notInclude(listHtml, 'Fakturadato')
    assert.include(listHtml, '<th scope="col">Dato</th>')
    const noteRow = rowWith(listHtml, `>${creditNote.number}</a>`)
    assert.include(noteRow, 'Kreditnota')
    assert.match(noteRow, /<td class="num" data-label="[^"]+"> -1\.250,00 kr\. <\/td>/)
    assert.match(
      rowWith(listHtml, `>${invoice.number}</a>`),
      /<td class="num" data-label="[^"]+"> 1\.250,00 kr\. <\/td>/
    )

    const page = await client.get(`/dues/invoices/${creditNote.id}`).loginAs(treasurer)
    const pageHtml = foldSpace(page.text())
    assert.include(pageHtml, `Kreditnota ${creditNote.number}`)
    assert.include(pageHtml, '<dt> Kreditnotadato </dt>')
    assert.notInclude(pageHtml, 'Fakturadato')
    assert.include(rowWith(pageHtml, `Kontingent ${invoice.year}`), '-1.250,00 kr.')
    assert.match(pageHtml, /data-testid="total"> -1\.250,00 kr\. </)
    assert.notInclude(pageHtml, '>1.250,00 kr.<')

    // The invoice it cancels keeps its own label and a positive amount.
    const original = foldSpace(
      (await client.get(`/dues/invoices/${invoice.id}`).loginAs(treasurer)).text()
    )
    assert.include(original, '<dt> Fakturadato </dt>')
    assert.match(original, /data-testid="total"> 1\.250,00 kr\. </)

    const organisation = await client.get(`/members/${alfa.organisation.id}`).loginAs(treasurer)
    const noteOnMember = rowWith(organisation.text(), `${creditNote.number} </a>`)
    assert.include(noteOnMember, 'Kreditnota')
    assert.include(noteOnMember, '<td class="num">-1.250,00 kr.</td>')
  })

  test('in the member portal, the PDF and the mail', async ({ client, assert }) => {
    const { alfa, creditNote } = await creditedInvoice(client)

    const portal = await client
      .get('/medlem/fakturaer')
      .withGuard('member')
      .loginAs(alfa.contacts[0])
    const portalHtml = foldSpace(portal.text())
    assert.notInclude(portalHtml, 'Fakturadato')
    const row = rowWith(portalHtml, `Kreditnota ${creditNote.number}`)
    assert.match(row, /<td class="num" data-label="[^"]+"> -1\.250,00 kr\. <\/td>/)

    const pdf = await asBytes(
      client
        .get(`/medlem/fakturaer/${creditNote.id}/pdf`)
        .withGuard('member')
        .loginAs(alfa.contacts[0])
    )
    const text = foldSpace(await pdfText(pdf.body() as Buffer))
    assert.include(text, 'Kreditnotadato')
    assert.notInclude(text, 'Fakturadato')
    assert.match(text, /I alt\s*-1\.250,00 kr\./)

    const mail = await catcher.waitFor(
      (message) =>
        recipientsOf(message).includes('kasserer@alfa.example.org') &&
        message.subject === `Kreditnota ${creditNote.number} fra Social Talks`
    )
    assert.include(foldSpace(mail.text!), `Her er kreditnota ${creditNote.number} på -1.250,00 kr.`)
    assert.notInclude(foldSpace(mail.text!), '+71<')
  })
})
