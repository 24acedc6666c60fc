import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Payment from '#dues/models/payment'
import type Invoice from '#dues/models/invoice'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { ImportBankStatement } from '#dues/actions/import_bank_statement'
import { getBalances } from '#dues/queries/invoice_balances'
import { Actors } from '#audit/actor'
import { UserFactory } from '#database/factories/user_factory'
import type User from '#identity/models/user'
import { camt053, type CamtEntry } from '#tests/helpers/bank_statements'
import { foldSpace } from '#tests/helpers/text'
import { formatDate as danishDate } from '#shared/formatting'
import { issueInvoice, member, sellerSettings, tierWithFee } from '#tests/functional/dues/helpers'

const YESTERDAY = () => danishToday().minus({ days: 1 }).toISODate()!

/** Two members with 1.250,00 kr. to pay, and a statement with the given credits. */
async function statementOf(entries: (invoices: Invoice[]) => CamtEntry[]) {
  await sellerSettings()
  const tier = await tierWithFee('Organisationer', 125_000)
  const invoices: Invoice[] = []
  for (const name of ['Alfa Forening', 'Beta Klub']) {
    const { organisation } = await member(tier, { name })
    invoices.push(await issueInvoice(organisation))
  }
  const result = await new ImportBankStatement().handle(
    { file: Buffer.from(camt053(entries(invoices))), fileName: 'k.xml', dryRun: false },
    Actors.system('test')
  )
  if (result.status !== 'imported') throw new Error(result.status)
  const entryIds = (await db.from('bank_entries').orderBy('id')).map((row) => Number(row.id))
  return { invoices, statementId: result.statementId, entryIds }
}

function entryUrl(statementId: number, entryId: number, action = '') {
  return `/dues/bank/statements/${statementId}/entries/${entryId}${action}`
}

function rows(parts: Array<[number | '', string]>) {
  return Object.fromEntries(
    parts.flatMap(([invoiceId, amount], index) => [
      [`allocations[${index}][invoice_id]`, String(invoiceId)],
      [`allocations[${index}][amount]`, amount],
    ])
  )
}

async function balancesOf(invoices: Invoice[]) {
  const balances = await getBalances(invoices, danishToday())
  return invoices.map((invoice) => balances.get(invoice.id)!.balanceOre)
}

test.group('Deciding bank entries', (group) => {
  let treasurer: User
  group.each.setup(async () => {
    const rollback = await testUtils.db().wrapInGlobalTransaction()
    treasurer = await UserFactory.apply('treasurer').create()
    return rollback
  })

  test('one transfer for two invoices is split over both, each payment naming the entry', async ({
    client,
    assert,
  }) => {
    const { invoices, statementId, entryIds } = await statementOf(() => [
      { ref: 'S1', amount: '2500.00', date: YESTERDAY(), text: 'Kontingent for to afdelinger' },
    ])
    const [alfa, beta] = invoices
    const page = await client.get(entryUrl(statementId, entryIds[0])).loginAs(treasurer)
    page.assertStatus(200)
    const html = foldSpace(page.text())
    assert.include(html, 'Kreds fandt ingen faktura, der passer.')
    assert.include(html, `${alfa.number} · Alfa Forening · 1.250,00 kr.`)

    const split = await client
      .post(entryUrl(statementId, entryIds[0], '/match'))
      .form(
        rows([
          [alfa.id, '1.250,00'],
          [beta.id, '1250'],
          ['', ''],
        ])
      )
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    split.assertHeader('location', `/dues/bank/statements/${statementId}`)
    split.assertFlashMessage('success', 'Betalingen er bogført.')
    const payments = await Payment.query().orderBy('invoice_id')
    assert.deepEqual(
      payments.map((payment) => [payment.invoiceId, payment.amountOre, payment.bankEntryId]),
      [
        [alfa.id, 125_000, entryIds[0]],
        [beta.id, 125_000, entryIds[0]],
      ]
    )
    assert.deepEqual(await balancesOf(invoices), [0, 0])
    const entry = await db.from('bank_entries').where('id', entryIds[0]).firstOrFail()
    assert.equal(entry.state, 'matched')
    assert.equal(entry.match_reason, 'treasurer')
  })

  test('a part payment leaves the rest open; an over-payment leaves the member a credit', async ({
    client,
    assert,
  }) => {
    const { invoices, statementId, entryIds } = await statementOf(([alfa]) => [
      { ref: 'P1', amount: '500.00', date: YESTERDAY(), text: `Rate 1 ${alfa.number}` },
      { ref: 'P2', amount: '1300.00', date: YESTERDAY(), text: 'Beta Klub kontingent' },
    ])
    const [alfa, beta] = invoices
    const suggested = foldSpace(
      (await client.get(entryUrl(statementId, entryIds[0])).loginAs(treasurer)).text()
    )
    assert.include(suggested, 'Sandsynligt match')
    assert.include(suggested, `Teksten nævner fakturanummer ${alfa.number} (Alfa Forening).`)
    assert.include(suggested, 'delbetaling')
    await client
      .post(entryUrl(statementId, entryIds[0], '/match'))
      .form(rows([[alfa.id, '500,00']]))
      .loginAs(treasurer)
      .withCsrfToken()
    await client
      .post(entryUrl(statementId, entryIds[1], '/match'))
      .form(rows([[beta.id, '1.300,00']]))
      .loginAs(treasurer)
      .withCsrfToken()
    assert.deepEqual(await balancesOf(invoices), [75_000, -5_000])
  })

  test('parts that do not add up to the entry are refused and nothing is paid', async ({
    client,
    assert,
  }) => {
    const { invoices, statementId, entryIds } = await statementOf(() => [
      { ref: 'D1', amount: '2000.00', date: YESTERDAY(), text: 'Samlet betaling' },
    ])
    const response = await client
      .post(entryUrl(statementId, entryIds[0], '/match'))
      .form(
        rows([
          [invoices[0].id, '1.250,00'],
          [invoices[1].id, '500,00'],
        ])
      )
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', entryUrl(statementId, entryIds[0]))
    response.assertFlashMessage(
      'error',
      'Linjerne giver 1.750,00 kr., men indbetalingen er 2.000,00 kr.'
    )
    const incomplete = await client
      .post(entryUrl(statementId, entryIds[0], '/match'))
      .form(rows([['', '2.000,00']]))
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    // Said by the row's invoice field, the amount kept as typed.
    incomplete.assertFlashMessage('inputErrorsBag', {
      'allocations.0.invoice_id': ['Hver linje skal have både en faktura og et beløb.'],
    })
    incomplete.assertFlashMessage('allocations', [{ invoice_id: null, amount: '2.000,00' }])
    assert.lengthOf(await Payment.all(), 0)
  })

  test('a grant is marked not dues and can be taken back', async ({ client, assert }) => {
    const { statementId, entryIds } = await statementOf(() => [
      { ref: 'G1', amount: '25000.00', date: YESTERDAY(), text: 'Tilskud fra puljen' },
    ])
    const marked = await client
      .post(entryUrl(statementId, entryIds[0], '/not-dues'))
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    marked.assertFlashMessage('success', 'Posteringen er markeret som ikke kontingent.')
    const page = foldSpace(
      (await client.get(`/dues/bank/statements/${statementId}`).loginAs(treasurer)).text()
    )
    assert.match(
      page,
      /Ikke kontingent<\/th> <td class="num">1<\/td> <td class="num">25\.000,00 kr\./
    )
    await client
      .post(entryUrl(statementId, entryIds[0], '/reopen'))
      .loginAs(treasurer)
      .withCsrfToken()
    const entry = await db.from('bank_entries').where('id', entryIds[0]).firstOrFail()
    assert.equal(entry.state, 'open')
  })

  test('a match is undone until the books are closed through its day', async ({
    client,
    assert,
  }) => {
    const day = danishToday().minus({ days: 3 }).toISODate()!
    const { invoices, statementId, entryIds } = await statementOf(([alfa, beta]) => [
      { ref: 'U1', amount: '1250.00', date: day, text: `Faktura ${alfa.number}` },
      { ref: 'U2', amount: '1250.00', date: day, text: `Faktura ${beta.number}` },
    ])
    await client
      .post(`/dues/bank/statements/${statementId}/sure-matches`)
      .form({ confirm: '1' })
      .loginAs(treasurer)
      .withCsrfToken()
    assert.lengthOf(await Payment.all(), 2)

    const unconfirmed = await client
      .post(entryUrl(statementId, entryIds[0], '/undo'))
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    unconfirmed.assertStatus(302)
    assert.lengthOf(await Payment.all(), 2)
    const undone = await client
      .post(entryUrl(statementId, entryIds[0], '/undo'))
      .form({ confirm: '1' })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    undone.assertFlashMessage(
      'success',
      'Matchet er fortrudt; posteringen afventer igen din afgørelse.'
    )
    assert.deepEqual(await balancesOf(invoices), [125_000, 0])

    const close = await client
      .post('/dues/books/close')
      .form({ through: day, confirm: '1' })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    close.assertFlashMessage('success', `Perioden til og med ${danishDate(day)} er lukket.`)
    const refused = await client
      .post(entryUrl(statementId, entryIds[1], '/undo'))
      .form({ confirm: '1' })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage(
      'error',
      `Perioden til og med ${danishDate(day)} er lukket; matchet kan ikke fortrydes.`
    )
    const late = await client
      .post(entryUrl(statementId, entryIds[0], '/match'))
      .form(rows([[invoices[0].id, '1.250,00']]))
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    late.assertFlashMessage(
      'error',
      `Posteringen ligger i perioden til og med ${danishDate(day)}, som er lukket.`
    )
    const byHand = await client
      .post(`/dues/invoices/${invoices[0].id}/payments`)
      .form({ amount: '1.250,00', paid_on: day, method: 'bank_transfer' })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    byHand.assertFlashMessage('inputErrorsBag', {
      paid_on: [`Perioden til og med ${danishDate(day)} er lukket; vælg en senere betalingsdato.`],
    })
    assert.deepEqual(await balancesOf(invoices), [125_000, 0])

    const backwards = await client
      .post('/dues/books/close')
      .form({ through: danishToday().minus({ days: 10 }).toISODate()!, confirm: '1' })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    backwards.assertFlashMessage(
      'error',
      `Bøgerne er allerede lukket til og med ${danishDate(day)}; en lukket periode genåbnes ikke.`
    )
    const today = await client
      .post('/dues/books/close')
      .form({ through: danishToday().toISODate()!, confirm: '1' })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    today.assertFlashMessage('error', 'Kun dage, der er gået, kan lukkes.')
  })

  test('the board reads the reconciliation but cannot decide', async ({ client, assert }) => {
    const { statementId, entryIds } = await statementOf(() => [
      { ref: 'B1', amount: '10.00', date: YESTERDAY(), text: 'Ukendt' },
    ])
    const board = await UserFactory.apply('board').create()
    const page = await client.get(entryUrl(statementId, entryIds[0])).loginAs(board)
    page.assertStatus(200)
    assert.notInclude(page.text(), 'Bogfør betalingen')
    const other = await client.get(entryUrl(statementId + 1, entryIds[0])).loginAs(treasurer)
    other.assertStatus(404)
  })
})
