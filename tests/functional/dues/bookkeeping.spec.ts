import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { DateTime } from 'luxon'
import Payment from '#dues/models/payment'
import Reminder from '#dues/models/reminder'
import type Invoice from '#dues/models/invoice'
import { CreditInvoice } from '#dues/actions/credit_invoice'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { getDuesOverview } from '#dues/queries/dues_overview'
import { getBookkeepingEntries } from '#dues/queries/bookkeeping_entries'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { readSpreadsheet } from '#shared/spreadsheet/read_spreadsheet'
import { Actors } from '#audit/actor'
import { UserFactory } from '#database/factories/user_factory'
import {
  asBytes,
  issueInvoice,
  member,
  sellerSettings,
  thisYear,
  tierWithFee,
} from '#tests/functional/dues/helpers'

function dayOfYear(n: number) {
  const today = danishToday()
  const day = today.startOf('year').plus({ days: n })
  return day > today ? today : day
}

async function pay(invoice: Invoice, amountOre: number, paidOn: DateTime) {
  await Payment.create({
    invoiceId: invoice.id,
    amountOre,
    paidOn,
    method: 'bank_transfer',
    note: null,
    recordedBy: 'test',
  })
}

/** A part-paid invoice with a reminder fee, a paid one and a credited one. */
async function aYearOfDues() {
  await sellerSettings({ reminderFeeOre: 10_000 })
  const tier = await tierWithFee('Organisationer', 125_000)
  const alfa = await member(tier, { name: 'Alfa Forening' })
  const beta = await member(tier, { name: 'Beta; "Forening"' })
  const gamma = await member(tier, { name: 'Gamma Forening' })
  const alfaInvoice = await issueInvoice(alfa.organisation, { issueDate: dayOfYear(5) })
  const betaInvoice = await issueInvoice(beta.organisation, { issueDate: dayOfYear(6) })
  const gammaInvoice = await issueInvoice(gamma.organisation, { issueDate: dayOfYear(7) })
  await Reminder.create({
    invoiceId: alfaInvoice.id,
    level: 1,
    sentOn: dayOfYear(40),
    feeOre: 10_000,
    sentTo: null,
  })
  await pay(alfaInvoice, 50_000, dayOfYear(30))
  await pay(alfaInvoice, 25_000, dayOfYear(50))
  await pay(betaInvoice, 125_000, dayOfYear(8))
  await new CreditInvoice().handle({ invoiceId: gammaInvoice.id, reason: null }, Actors.system('t'))
  return { alfaInvoice, betaInvoice, gammaInvoice }
}

const HEADER = 'Dato;Bilag;Tekst;Konto;Modkonto;Beløb'

test.group('Dues: the bookkeeping export', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the web download is e-conomic day-book CSV or .xlsx for the chosen range', async ({
    client,
    assert,
  }) => {
    const { alfaInvoice } = await aYearOfDues()
    const treasurer = await UserFactory.apply('treasurer').create()
    const year = thisYear()
    const range = `from=${year}-01-01&to=${year}-12-31`

    const csv = await asBytes(
      client.get(`/dues/bookkeeping?${range}&format=csv`).loginAs(treasurer)
    )
    csv.assertStatus(200)
    csv.assertHeader('content-type', 'text/csv; charset=utf-8')
    csv.assertHeader(
      'content-disposition',
      `attachment; filename="bogfoering-${year}-01-01-${year}-12-31.csv"`
    )
    const bytes = csv.body() as Buffer
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const lines = bytes.subarray(3).toString('utf8').split('\r\n')
    assert.equal(lines[0], HEADER)
    assert.equal(
      lines[1],
      `${dayOfYear(5).toFormat('dd-MM-yyyy')};1;Faktura ${alfaInvoice.number} Alfa Forening;5600;1010;1.250,00`
    )
    assert.include(lines.join('\n'), 'Beta; ""Forening""')
    assert.include(lines.join('\n'), ';5600;1010;-1.250,00')
    assert.include(
      lines.join('\n'),
      `Rykkergebyr, faktura ${alfaInvoice.number} Alfa Forening;5600;1020;100,00`
    )

    const xlsx = await asBytes(
      client.get(`/dues/bookkeeping?${range}&format=xlsx&first_voucher=41`).loginAs(treasurer)
    )
    xlsx.assertStatus(200)
    xlsx.assertHeader(
      'content-type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
    const table = await readSpreadsheet(xlsx.body() as Buffer, 'bogfoering.xlsx')
    assert.deepEqual(table.headers, HEADER.split(';'))
    assert.deepEqual(table.rows[0].values, {
      Dato: dayOfYear(5).toISODate()!,
      Bilag: '41',
      Tekst: `Faktura ${alfaInvoice.number} Alfa Forening`,
      Konto: '5600',
      Modkonto: '1010',
      Beløb: '1250',
    })
    assert.lengthOf(table.rows, lines.length - 2)
  })

  test('the download needs dues rights and a valid range', async ({ client, assert }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const year = thisYear()
    const anonymous = await client
      .get(`/dues/bookkeeping?from=${year}-01-01&to=${year}-12-31&format=csv`)
      .redirects(0)
    anonymous.assertStatus(302)
    const backwards = await client
      .get(`/dues/bookkeeping?from=${year}-12-31&to=${year}-01-01&format=csv`)
      .header('referer', '/dues')
      .loginAs(treasurer)
      .redirects(0)
    backwards.assertStatus(302)
    const errors = backwards.flashMessages().inputErrorsBag as Record<string, string[]>
    assert.deepEqual(Object.keys(errors), ['to'])
  })

  test('the treasurer sets the accounts; an account that is not digits is refused', async ({
    client,
    assert,
  }) => {
    const treasurer = await UserFactory.apply('treasurer').create()
    const settings = {
      dues_proration: 'none',
      invoice_due_days: '30',
      reminder_fee: '0,00',
      reminder_interval_days: '14',
      dues_income_account: '1100',
      fee_income_account: '1120',
      debtors_account: '5610',
      bank_account: '5830',
      vat_account: '7210',
    }
    const page = await client.get('/dues/fees').loginAs(treasurer)
    page.assertTextIncludes('Kontingentindtægter')
    page.assertTextIncludes('value="1010"')
    const saved = await client
      .put('/dues/settings')
      .form(settings)
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    saved.assertFlashMessage('success', 'Indstillingerne er gemt.')
    const stored = await getAssociationSettings()
    assert.deepEqual(
      [
        stored.duesIncomeAccount,
        stored.feeIncomeAccount,
        stored.debtorsAccount,
        stored.bankAccount,
        stored.vatAccount,
      ],
      ['1100', '1120', '5610', '5830', '7210']
    )
    const refused = await client
      .put('/dues/settings')
      .form({ ...settings, bank_account: '58-30', vat_account: '12345678901' })
      .loginAs(treasurer)
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('inputErrorsBag', {
      bank_account: ['Har ikke det rigtige format.'],
      vat_account: ['Har ikke det rigtige format.'],
    })
    assert.equal((await getAssociationSettings()).bankAccount, '5830')
  })

  test('the annual overview matches the export to the øre', async ({ assert }) => {
    await aYearOfDues()
    const today = danishToday()
    const overview = await getDuesOverview(today.year, today)
    const settings = await getAssociationSettings()
    const vouchers = await getBookkeepingEntries(
      today.startOf('year'),
      today.endOf('year').startOf('day'),
      settings
    )
    const byAccount = new Map<string, number>()
    for (const voucher of vouchers) {
      for (const posting of voucher.postings) {
        byAccount.set(posting.account, (byAccount.get(posting.account) ?? 0) + posting.amountOre)
      }
    }
    const credited = vouchers
      .filter((voucher) => voucher.kind === 'credit_note')
      .reduce((sum, voucher) => sum + voucher.postings[0].amountOre, 0)
    const fees = -(byAccount.get(settings.feeIncomeAccount) ?? 0)
    // Dues income is what was invoiced less what was credited; the overview leaves credited invoices out.
    assert.equal(-(byAccount.get(settings.duesIncomeAccount) ?? 0) + fees, overview.invoicedOre)
    assert.equal(credited, -125_000)
    assert.equal(fees, 10_000)
    assert.equal(byAccount.get(settings.bankAccount), overview.paidOre)
    assert.equal(byAccount.get(settings.debtorsAccount), overview.outstandingOre)
    assert.equal(overview.invoicedOre, 260_000)
    assert.equal(overview.paidOre, 200_000)
    assert.equal(overview.outstandingOre, 60_000)
  })
})
