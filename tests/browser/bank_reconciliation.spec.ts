import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright'
import type { Assert } from '@japa/assert'
import TierFee from '#members/models/tier_fee'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { fikPaymentIdFor } from '#dues/rules/fik_payment_id'
import { TEST_PASSWORD, UserFactory } from '#database/factories/user_factory'
import { camt053 } from '#tests/helpers/bank_statements'
import {
  PHONE_WIDTH,
  accessibilityViolations,
  documentWidthOnPhone,
} from '#tests/helpers/page_checks'
import {
  issueInvoice,
  member,
  sellerSettings,
  thisYear,
  tierWithFee,
} from '#tests/functional/dues/helpers'

/**
 * Five members' invoices and a statement that pays them the ways members do:
 * Alfa by the FI-kort payment ID, Beta by invoice number and exact amount,
 * Gamma half with the number, and Delta last year's and this year's invoice in
 * one transfer that names neither (two open invoices, so no rule can say how
 * to split it). A grant and a bank fee complete the month.
 */
async function membersAndStatement() {
  await sellerSettings({ fiCreditorNo: '81234567' })
  const year = thisYear()
  const tier = await tierWithFee('Organisationer', 125_000, year)
  await TierFee.create({ tierId: tier.id, year: year - 1, amountOre: 100_000 })
  const invoiceOf = async (name: string) =>
    issueInvoice((await member(tier, { name })).organisation)
  const alfa = await invoiceOf('Alfa Forening')
  const beta = await invoiceOf('Beta Klub')
  const gamma = await invoiceOf('Gamma Samvirke')
  const delta = (await member(tier, { name: 'Delta Netværk' })).organisation
  const deltaLastYear = await issueInvoice(delta, {
    year: year - 1,
    issueDate: danishToday().set({ year: year - 1, month: 1, day: 15 }),
  })
  const deltaThisYear = await issueInvoice(delta)

  const day = danishToday().minus({ days: 1 }).toISODate()!
  const xml = camt053(
    [
      { ref: 'B1', amount: '1250.00', date: day, paymentId: fikPaymentIdFor(alfa.number) },
      { ref: 'B2', amount: '1250.00', date: day, text: `Faktura ${beta.number}` },
      { ref: 'B3', amount: '600.00', date: day, text: `Kontingent ${gamma.number}` },
      { ref: 'B4', amount: '2250.00', date: day, text: 'Kontingent', payer: 'Delta Netværk' },
      { ref: 'B5', amount: '5000.00', date: day, text: 'Tilskud fra puljen' },
      { ref: 'B6', amount: '45.00', date: day, debit: true, text: 'Gebyr' },
    ],
    // 10.000 + 1.250 + 1.250 + 600 + 2.250 + 5.000 − 45
    { opening: '10000.00', closing: '20305.00' }
  )
  return { alfa, beta, gamma, deltaLastYear, deltaThisYear, xml }
}

/** No WCAG 2.1 A/AA violation, and a 360 px wide phone needs no sideways scrolling. */
async function assertFitsEveryone(page: Page, assert: Assert, where: string) {
  assert.deepEqual(await accessibilityViolations(page), [], `axe on ${where}`)
  const phone = await documentWidthOnPhone(page)
  assert.isAtMost(phone.width, PHONE_WIDTH, `width of ${where}: ${phone.culprits.join(', ')}`)
}

test.group('Bank reconciliation in the browser', (group) => {
  let folder: string
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kreds-bank-'))
    return () => rm(folder, { recursive: true, force: true })
  })

  test('the treasurer uploads the statement, books the sure matches, decides the rest, undoes and redoes one and hands the auditor the PDF', async ({
    visit,
    assert,
  }) => {
    const { alfa, beta, gamma, deltaLastYear, deltaThisYear, xml } = await membersAndStatement()
    const treasurer = await UserFactory.apply('treasurer').create()
    // The bank's file as the treasurer saved it from the netbank.
    const file = join(folder, 'kontoudtog.xml')
    await writeFile(file, xml, 'utf8')

    const page = await visit('/login')
    await page.getByLabel('E-mail').fill(treasurer.email)
    await page.getByLabel('Adgangskode').fill(TEST_PASSWORD)
    await page.locator('form[action="/login"]').getByRole('button', { name: 'Log ind' }).click()
    await page.waitForURL((url) => url.pathname === '/')

    await page.locator('#main-nav').getByRole('link', { name: 'Kontingent', exact: true }).click()
    await page
      .getByRole('navigation', { name: 'Kontingent' })
      .getByRole('link', { name: 'Bank' })
      .click()
    await page.waitForURL((url) => url.pathname === '/dues/bank')
    await page.getByRole('heading', { name: 'Bankafstemning', level: 1 }).waitFor()
    await assertFitsEveryone(page, assert, 'the bank page')

    await page.getByLabel('Kontoudtog (.xml eller .csv)').setInputFiles(file)
    await page.getByRole('button', { name: 'Indlæs kontoudtog' }).click()
    await page
      .getByText('Kontoudtoget er indlæst: 6 nye posteringer, 0 kendt fra et tidligere udtog.')
      .waitFor()
    const statementUrl = new URL(page.url()).pathname
    assert.match(statementUrl, /^\/dues\/bank\/statements\/\d+$/)

    const balances = page.getByTestId('balances')
    await balances.getByText('10.000,00 kr.').waitFor()
    await balances.getByText('20.305,00 kr.').waitFor()
    assert.equal((await page.getByTestId('file-difference').textContent())?.trim(), '0,00 kr.')
    await page.getByText('Primo saldo plus bevægelserne giver bankens ultimo saldo.').waitFor()
    await assertFitsEveryone(page, assert, 'the reconciliation')

    const entries = page.getByTestId('bank-entries')
    const entryRow = (text: string) => entries.getByRole('row').filter({ hasText: text })
    const apply = page.getByTestId('apply-sure')
    await apply.getByLabel('Jeg har set listen igennem og vil bogføre 2 betalinger').check()
    await apply.getByRole('button', { name: 'Bogfør 2 sikre match' }).click()
    await page.getByText('2 betalinger er bogført.').waitFor()
    assert.equal(await page.getByTestId('apply-sure').count(), 0)
    await entryRow(alfa.number).getByText('Betalt').waitFor()
    await entryRow(beta.number).getByText('Betalt').waitFor()

    // Gamma's part payment: the suggested row already holds the invoice and the 600,00.
    await entryRow(gamma.number).getByRole('link', { name: /Afgør/ }).click()
    await page.getByTestId('suggestion').getByText('Sandsynligt match').waitFor()
    await page.getByTestId('suggestion').getByText('delbetaling', { exact: false }).waitFor()
    await assertFitsEveryone(page, assert, 'the decision page')
    assert.equal(await page.getByLabel('Beløb 1').inputValue(), '600,00')
    await page.getByRole('button', { name: 'Bogfør betalingen' }).click()
    await page.getByText('Betalingen er bogført.').waitFor()

    // Delta's transfer names no invoice: the treasurer splits it over both years' invoices.
    await entryRow('Delta Netværk').getByRole('link', { name: /Afgør/ }).click()
    await page.getByText('Kreds fandt ingen faktura, der passer.', { exact: false }).waitFor()
    const decide = page.getByTestId('decide')
    await decide.getByLabel('Faktura 1').selectOption({ value: String(deltaLastYear.id) })
    await decide.getByLabel('Beløb 1').fill('1.000,00')
    await decide.getByLabel('Faktura 2').selectOption({ value: String(deltaThisYear.id) })
    await decide.getByLabel('Beløb 2').fill('1.250,00')
    await decide.getByRole('button', { name: 'Bogfør betalingen' }).click()
    await page.getByText('Betalingen er bogført.').waitFor()
    await entryRow('Delta Netværk').getByText(deltaLastYear.number).waitFor()
    await entryRow('Delta Netværk').getByText(deltaThisYear.number).waitFor()

    await entryRow('Tilskud fra puljen').getByRole('link', { name: /Afgør/ }).click()
    await page.getByRole('button', { name: 'Markér som ikke kontingent' }).click()
    await page.getByText('Posteringen er markeret som ikke kontingent.').waitFor()
    await entryRow('Tilskud fra puljen').getByText('Ikke kontingent').waitFor()

    const explained = page.getByTestId('explained')
    const waiting = explained.getByRole('row').filter({ hasText: 'Afventer din afgørelse' })
    assert.deepEqual(await waiting.getByRole('cell').allTextContents(), ['0', '0,00 kr.'])

    // Beta's match is taken back and booked again from the decision page.
    await entryRow(beta.number).getByRole('link', { name: /Vis/ }).click()
    await page.getByTestId('entry-state').getByText('Betalt').waitFor()
    const undo = page.getByTestId('undo')
    await undo.getByLabel('Jeg vil fjerne betalingerne fra fakturaerne').check()
    await undo.getByRole('button', { name: 'Fortryd matchet' }).click()
    await page.getByText('Matchet er fortrudt; posteringen afventer igen din afgørelse.').waitFor()
    assert.equal((await page.getByTestId('entry-state').textContent())?.trim(), 'Uden match')
    await page.getByTestId('suggestion').getByText('Sikkert match').waitFor()
    await page.getByRole('button', { name: 'Bogfør betalingen' }).click()
    await page.getByText('Betalingen er bogført.').waitFor()
    assert.equal(new URL(page.url()).pathname, statementUrl)
    assert.deepEqual(await waiting.getByRole('cell').allTextContents(), ['0', '0,00 kr.'])

    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Hent afstemningsrapport til revisor (PDF)' }).click()
    const report = await download
    assert.equal(report.suggestedFilename(), `bankafstemning-${statementUrl.split('/').pop()}.pdf`)
    const pdf = await readFile((await report.path())!)
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-')

    const statusOf = async (number: string) =>
      (
        await page
          .getByTestId('invoices')
          .getByRole('row')
          .filter({ has: page.getByRole('link', { name: number, exact: true }) })
          .locator('.badge')
          .textContent()
      )?.trim()
    // Back on the bank page the statement is listed with nothing left to decide.
    await page.getByRole('link', { name: 'Bankafstemning', exact: true }).click()
    await page.waitForURL((url) => url.pathname === '/dues/bank')
    const listed = page.getByTestId('bank-statements').getByRole('row').nth(1)
    assert.equal((await listed.locator('td.num').textContent())?.trim(), '0')
    await assertFitsEveryone(page, assert, 'the bank page with a statement')

    await page
      .getByRole('navigation', { name: 'Kontingent' })
      .getByRole('link', { name: 'Fakturaer' })
      .click()
    await page.waitForURL((url) => url.pathname === '/dues/invoices')
    assert.equal(await statusOf(alfa.number), 'betalt')
    assert.equal(await statusOf(beta.number), 'betalt')
    assert.equal(await statusOf(gamma.number), 'delvist betalt')
    assert.equal(await statusOf(deltaThisYear.number), 'betalt')
    await page.goto(`/dues/invoices?year=${thisYear() - 1}`)
    assert.equal(await statusOf(deltaLastYear.number), 'betalt')
  })
})
