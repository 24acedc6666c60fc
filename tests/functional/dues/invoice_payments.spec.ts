import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Invoice from '#dues/models/invoice'
import Payment from '#dues/models/payment'
import AuditEvent from '#audit/models/audit_event'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { UserFactory } from '#database/factories/user_factory'
import { startMailCatcher, recipientsOf, type MailCatcher } from '#tests/helpers/mail_catcher'
import { pdfText } from '#tests/helpers/pdf_text'
import { foldSpace } from '#tests/helpers/text'
import { MUNICIPALITY_EAN, invoicedMembers, thisYear, words } from '#tests/functional/dues/helpers'
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
