import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { DateTime } from 'luxon'
import Payment from '#dues/models/payment'
import Reminder from '#dues/models/reminder'
import type Invoice from '#dues/models/invoice'
import type Organisation from '#members/models/organisation'
import { CreditInvoice } from '#dues/actions/credit_invoice'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { getBookkeepingEntries, assertBalanced } from '#dues/queries/bookkeeping_entries'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { Actors } from '#audit/actor'
import { issueInvoice, member, sellerSettings, tierWithFee } from '#tests/functional/dues/helpers'

/**
 * The year the tests book in: this year once its first 60 days have passed,
 * else last year, so that every day a test names lies in the past and the
 * days keep their order whatever the date the tests run on.
 */
function bookingYear() {
  const today = danishToday()
  return today.ordinal > 60 ? today.year : today.year - 1
}

/** The day n days after 1 January of the booking year. */
function dayOfYear(n: number) {
  return danishToday().startOf('year').set({ year: bookingYear() }).plus({ days: n })
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

/** From 1 January of the booking year to today, the day a credit note is dated. */
function wholeYear() {
  return [dayOfYear(0), danishToday()] as const
}

/** A member in a tier with the booking year's fee. */
async function feePayer(name: string, amountOre = 125_000) {
  const tier = await tierWithFee('Organisationer', amountOre, bookingYear())
  return (await member(tier, { name })).organisation
}

/** The booking year's dues invoice, issued on the given day. */
function invoiceOn(organisation: Organisation, issueDate: DateTime) {
  return issueInvoice(organisation, { year: bookingYear(), issueDate })
}

test.group('Bookkeeping entries', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('invoices by issue date, fees and each payment on their own dates, credit notes negative, every voucher balanced', async ({
    assert,
  }) => {
    await sellerSettings({ reminderFeeOre: 10_000 })
    const tier = await tierWithFee('Organisationer', 125_000, bookingYear())
    const alfa = (await member(tier, { name: 'Alfa Forening' })).organisation
    const beta = (await member(tier, { name: 'Beta Forening' })).organisation
    const gamma = (await member(tier, { name: 'Gamma Forening' })).organisation
    // Issued out of number order: the later number on the earlier date.
    const betaInvoice = await invoiceOn(beta, dayOfYear(20))
    const alfaInvoice = await invoiceOn(alfa, dayOfYear(5))
    const gammaInvoice = await invoiceOn(gamma, dayOfYear(6))
    await Reminder.create({
      invoiceId: alfaInvoice.id,
      level: 1,
      sentOn: dayOfYear(40),
      feeOre: 10_000,
      sentTo: null,
    })
    await pay(alfaInvoice, 50_000, dayOfYear(30))
    await pay(alfaInvoice, 85_000, dayOfYear(50))
    const credit = await new CreditInvoice().handle(
      { invoiceId: gammaInvoice.id, reason: null },
      Actors.system('test')
    )
    assert.equal(credit.status, 'credited')

    const settings = await getAssociationSettings()
    const vouchers = await getBookkeepingEntries(...wholeYear(), settings)

    assert.deepEqual(
      vouchers.map((voucher) => voucher.number),
      vouchers.map((_, index) => index + 1)
    )
    const dates = vouchers.map((voucher) => voucher.date.toISODate()!)
    assert.deepEqual(dates, [...dates].sort())
    const invoices = vouchers.filter((voucher) => voucher.kind === 'invoice')
    assert.deepEqual(
      invoices.map((voucher) => voucher.documentNumber),
      [alfaInvoice.number, gammaInvoice.number, betaInvoice.number]
    )
    for (const voucher of vouchers) {
      assert.equal(
        voucher.postings.reduce((sum, posting) => sum + posting.amountOre, 0),
        0
      )
    }

    const alfaPayments = vouchers.filter(
      (voucher) => voucher.kind === 'payment' && voucher.documentNumber === alfaInvoice.number
    )
    assert.deepEqual(
      alfaPayments.map((voucher) => [voucher.date.toISODate(), voucher.lines]),
      [
        [
          dayOfYear(30).toISODate(),
          [{ account: '5820', contraAccount: '5600', amountOre: 50_000 }],
        ],
        [
          dayOfYear(50).toISODate(),
          [{ account: '5820', contraAccount: '5600', amountOre: 85_000 }],
        ],
      ]
    )
    const fee = vouchers.find((voucher) => voucher.kind === 'reminder_fee')!
    assert.equal(fee.date.toISODate(), dayOfYear(40).toISODate())
    assert.deepEqual(fee.lines, [{ account: '5600', contraAccount: '1020', amountOre: 10_000 }])
    assert.include(fee.text, alfaInvoice.number)

    const creditNote = vouchers.find((voucher) => voucher.kind === 'credit_note')!
    assert.equal(creditNote.date.toISODate(), danishToday().toISODate())
    assert.deepEqual(creditNote.lines, [
      { account: '5600', contraAccount: '1010', amountOre: -125_000 },
    ])
    assert.include(creditNote.text, 'Kreditnota')
  })

  test('an invoice with VAT posts the net to dues income and the VAT to the VAT account', async ({
    assert,
  }) => {
    await sellerSettings({ vatExempt: false, vatAccount: '7200', duesIncomeAccount: '1100' })
    const invoice = await invoiceOn(await feePayer('Alfa Forening', 100_000), dayOfYear(3))
    assert.isAbove(invoice.vatOre, 0)

    const vouchers = await getBookkeepingEntries(...wholeYear(), await getAssociationSettings())
    assert.lengthOf(vouchers, 1)
    assert.deepEqual(vouchers[0].lines, [
      { account: '5600', contraAccount: '1100', amountOre: invoice.netOre },
      { account: '5600', contraAccount: '7200', amountOre: invoice.vatOre },
    ])
    assert.deepEqual(vouchers[0].postings[0], { account: '5600', amountOre: invoice.totalOre })
  })

  test('only what falls in the range is exported', async ({ assert }) => {
    await sellerSettings()
    const invoice = await invoiceOn(await feePayer('Alfa Forening'), dayOfYear(2))
    await pay(invoice, 125_000, dayOfYear(10))
    const settings = await getAssociationSettings()
    const first = await getBookkeepingEntries(dayOfYear(0), dayOfYear(5), settings)
    assert.deepEqual(
      first.map((voucher) => voucher.kind),
      ['invoice']
    )
    const later = await getBookkeepingEntries(dayOfYear(6), dayOfYear(20), settings)
    assert.deepEqual(
      later.map((voucher) => voucher.kind),
      ['payment']
    )
    assert.equal(later[0].number, 1)
  })

  test('a voucher that does not balance stops the export', ({ assert }) => {
    assert.throws(
      () =>
        assertBalanced(
          [
            { account: '5600', amountOre: 100 },
            { account: '1010', amountOre: -99 },
          ],
          'x'
        ),
      'The voucher for x is off by 1 øre'
    )
  })
})
