import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Invoice from '#dues/models/invoice'
import { UserFactory } from '#database/factories/user_factory'
import { startMailCatcher, type MailCatcher } from '#tests/helpers/mail_catcher'
import { foldSpace } from '#tests/helpers/text'
import { issueInvoice, member, sellerSettings, tierWithFee } from '#tests/functional/dues/helpers'

test.group('Dues confirmations: a credit note', (group) => {
  let catcher: MailCatcher
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    catcher = await startMailCatcher()
    return () => catcher.stop()
  })

  test('names the invoice, the member and the amount, and credits only with the number typed', async ({
    client,
    assert,
  }) => {
    await sellerSettings()
    const treasurer = await UserFactory.apply('treasurer').create()
    const board = await UserFactory.apply('board').create()
    const tier = await tierWithFee('Organisationer', 125_000)
    const alfa = await member(tier, { name: 'Alfa Forening', primaryEmail: 'a@example.org' })
    const invoice = await issueInvoice(alfa.organisation)

    const page = await client.get(`/dues/invoices/${invoice.id}/credit`).loginAs(treasurer)
    page.assertStatus(200)
    const text = foldSpace(page.text())
    assert.include(
      text,
      `Udsteder en kreditnota på 1.250,00 kr., der annullerer faktura ${invoice.number} til Alfa Forening.`
    )
    assert.include(text, 'Det kan ikke fortrydes')
    ;(await client.get(`/dues/invoices/${invoice.id}/credit`).loginAs(board)).assertStatus(403)

    for (const typed of [undefined, '', 'ja', invoice.number + '1']) {
      const refused = await client
        .post(`/dues/invoices/${invoice.id}/credit`)
        .form({
          reason: 'Forkert beløb',
          ...(typed === undefined ? {} : { confirm_number: typed }),
        })
        .loginAs(treasurer)
        .withCsrfToken()
        .redirects(0)
      refused.assertHeader('location', `/dues/invoices/${invoice.id}/credit`)
      refused.assertFlashMessage('inputErrorsBag', {
        confirm_number: [
          `Skriv fakturanummeret ${invoice.number} præcis som det står for at bekræfte.`,
        ],
      })
    }
    assert.lengthOf(await Invoice.query().where('kind', 'credit_note'), 0)

    const credited = await client
      .post(`/dues/invoices/${invoice.id}/credit`)
      .form({ reason: 'Forkert beløb', confirm_number: ` ${invoice.number} ` })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    const notes = await Invoice.query().where('kind', 'credit_note')
    assert.lengthOf(notes, 1)
    credited.assertHeader('location', `/dues/invoices/${notes[0].id}`)

    const after = await client.get(`/dues/invoices/${invoice.id}/credit`).loginAs(treasurer)
    assert.include(after.text(), 'Fakturaen er allerede krediteret.')
    assert.notInclude(after.text(), 'data-testid="credit-confirm"')
  })
})
