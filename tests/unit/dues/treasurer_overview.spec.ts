import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime, Settings } from 'luxon'
import Payment from '#dues/models/payment'
import Reminder from '#dues/models/reminder'
import db from '@adonisjs/lucid/services/db'
import { sqlTimestamp } from '#shared/sql_time'
import type Organisation from '#members/models/organisation'
import { IssueDuesInvoice } from '#dues/actions/issue_dues_invoice'
import { danishToday } from '#shared/danish_time'
import { CreditInvoice } from '#dues/actions/credit_invoice'
import { getTreasurerOverview, nextReminderDay } from '#dues/queries/treasurer_overview'
import { nextReminderLevel } from '#dues/reminder_schedule'
import { paidPerMonthChart } from '#dues/paid_per_month_chart'
import { Actors } from '#audit/actor'
import { sellerSettings, tierWithMembers } from '#tests/helpers/dues'

const actor = Actors.system('test')

/** An issued dues invoice of 1.250,00 kr. whose due date is set to the day given. */
async function invoiceDue(organisation: Organisation, dueIso: string) {
  const result = await new IssueDuesInvoice().handle(
    { organisationId: organisation.id, year: Number(dueIso.slice(0, 4)) },
    actor
  )
  if (result.status !== 'issued') throw new Error(result.status)
  result.invoice.dueDate = DateTime.fromISO(dueIso)
  await result.invoice.save()
  return result.invoice
}

async function members(count: number, year: number) {
  await sellerSettings({ reminderIntervalDays: 14 })
  return (await tierWithMembers({ count, year, feeOre: 125_000 })).organisations
}

function bucketsOf(overview: Awaited<ReturnType<typeof getTreasurerOverview>>) {
  return Object.fromEntries(overview.buckets.map((row) => [row.bucket, [row.count, row.amountOre]]))
}

test.group('Treasurer overview: what is owed by age', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => {
    const real = Settings.now
    return () => {
      Settings.now = real
    }
  })

  test('days 30 and 31 fall on each side of the edge, counted in Danish days', async ({
    assert,
  }) => {
    // 22.30 UTC on 30 April is 00.30 on 1 May in Copenhagen (summer time).
    Settings.now = () => Date.parse('2026-04-30T22:30:00Z')
    const today = danishToday()
    assert.equal(today.toISODate(), '2026-05-01')
    const orgs = await members(9, 2026)
    const dues = [
      '2026-05-01', // due today: not yet overdue
      '2026-04-30', // 1 day
      '2026-04-01', // 30 days
      '2026-03-31', // 31 days
      '2026-03-02', // 60 days
      '2026-03-01', // 61 days
      '2026-01-31', // 90 days
      '2026-01-30', // 91 days
    ]
    for (const [index, due] of dues.entries()) await invoiceDue(orgs[index], due)

    const overview = await getTreasurerOverview(today)
    assert.deepEqual(bucketsOf(overview), {
      not_due: [1, 125_000],
      days_1_30: [2, 250_000],
      days_31_60: [2, 250_000],
      days_61_90: [2, 250_000],
      over_90: [1, 125_000],
    })
    assert.deepEqual(overview.outstanding, { count: 8, amountOre: 1_000_000 })
    assert.deepEqual(overview.overdue, { count: 7, amountOre: 875_000 })
  })

  test('in UTC the same instant would still be 30 April: the Danish day moves the edge', async ({
    assert,
  }) => {
    Settings.now = () => Date.parse('2026-04-30T22:30:00Z')
    const [org] = await members(1, 2026)
    await invoiceDue(org, '2026-03-31')
    const danish = bucketsOf(await getTreasurerOverview(danishToday()))
    const utc = bucketsOf(await getTreasurerOverview(DateTime.utc().startOf('day')))
    assert.deepEqual(danish.days_31_60, [1, 125_000])
    assert.deepEqual(utc.days_1_30, [1, 125_000])
  })

  test('payments, credit notes and reminder fees change what is owed', async ({ assert }) => {
    Settings.now = () => Date.parse('2026-06-15T10:00:00Z')
    const today = danishToday()
    const orgs = await members(4, 2026)
    const partly = await invoiceDue(orgs[0], '2026-06-01')
    const paid = await invoiceDue(orgs[1], '2026-06-01')
    const credited = await invoiceDue(orgs[2], '2026-06-01')
    const reminded = await invoiceDue(orgs[3], '2026-05-01')
    const pay = (invoiceId: number, amountOre: number) =>
      Payment.create({
        invoiceId,
        amountOre,
        paidOn: DateTime.fromISO('2026-06-10'),
        method: 'bank_transfer',
        recordedBy: 'test',
      })
    await pay(partly.id, 25_000)
    await pay(paid.id, 125_000)
    await new CreditInvoice().handle({ invoiceId: credited.id, reason: null }, actor)
    await Reminder.create({
      invoiceId: reminded.id,
      level: 1,
      sentOn: DateTime.fromISO('2026-05-02'),
      feeOre: 10_000,
      sentTo: null,
    })

    const overview = await getTreasurerOverview(today)
    assert.deepEqual(bucketsOf(overview).days_1_30, [1, 100_000])
    assert.deepEqual(bucketsOf(overview).days_31_60, [1, 135_000])
    assert.deepEqual(overview.outstanding, { count: 2, amountOre: 235_000 })
  })

  test('bank entries waiting for the treasurer are counted with their sum', async ({ assert }) => {
    // Stored as the bank import stores them ('status' is the bank's booking status).
    const entry = (fingerprint: string, amountOre: number, state: 'open' | 'matched' | 'debit') =>
      db.table('bank_entries').insert({
        account: 'DK8030000012345678',
        fingerprint,
        booking_date: '2026-06-01',
        amount_ore: amountOre,
        text: 'Kontingent',
        status: 'booked',
        state,
        created_at: sqlTimestamp(),
      })
    await entry('a', 125_000, 'open')
    await entry('b', 50_000, 'open')
    await entry('c', 99_000, 'matched')
    await entry('d', -4_500, 'debit')
    const overview = await getTreasurerOverview(danishToday())
    assert.deepEqual(overview.toMatch, { count: 2, amountOre: 175_000 })
  })
})

test.group('Treasurer overview: the next reminder run', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('agrees with the reminder schedule day by day', ({ assert }) => {
    const cases = [
      { dueDate: '2026-03-01', sentOn: [] as string[] },
      { dueDate: '2026-03-01', sentOn: ['2026-03-02'] },
      { dueDate: '2026-03-01', sentOn: ['2026-03-02', '2026-03-20'] },
    ]
    for (const input of cases) {
      const day = nextReminderDay({ ...input, intervalDays: 14 })!
      const level = (iso: string) =>
        nextReminderLevel({
          dueDate: DateTime.fromISO(input.dueDate),
          sentOn: input.sentOn.map((sent) => DateTime.fromISO(sent)),
          balanceOre: 1,
          today: DateTime.fromISO(iso),
          intervalDays: 14,
        })
      assert.isNull(level(DateTime.fromISO(day).minus({ days: 1 }).toISODate()!), day)
      assert.equal(level(day), input.sentOn.length + 1, day)
    }
    assert.isNull(
      nextReminderDay({ dueDate: '2026-03-01', sentOn: ['a', 'b', 'c'], intervalDays: 14 })
    )
  })

  test('today when an overdue invoice waits, else the first day one will', async ({ assert }) => {
    const today = DateTime.fromISO('2026-06-15')
    const orgs = await members(3, 2026)
    const reminded = await invoiceDue(orgs[0], '2026-05-01')
    await Reminder.create({
      invoiceId: reminded.id,
      level: 1,
      sentOn: DateTime.fromISO('2026-06-10'),
      feeOre: 0,
      sentTo: null,
    })
    await invoiceDue(orgs[1], '2026-06-20')
    await invoiceDue(orgs[2], '2026-06-20')
    // Reminded on 10 June, interval 14 days: the 24th; the two due on the 20th: the 21st.
    assert.deepEqual((await getTreasurerOverview(today)).nextReminderRun, {
      on: '2026-06-21',
      count: 2,
      due: false,
    })
    await invoiceDue((await members(1, 2026))[0], '2026-06-01')
    assert.deepEqual((await getTreasurerOverview(today)).nextReminderRun, {
      on: '2026-06-15',
      count: 1,
      due: true,
    })
  })
})

test.group('Treasurer overview: paid per month', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('twelve months across the new year, each payment in its own month', async ({ assert }) => {
    const [org] = await members(1, 2026)
    const invoice = await invoiceDue(org, '2026-01-31')
    for (const [paidOn, amountOre] of [
      ['2025-02-28', 1_000], // thirteen months back: left out
      ['2025-03-01', 2_000],
      ['2025-12-31', 30_000],
      ['2026-01-01', 40_000],
      ['2026-01-31', 5_000],
      ['2026-02-10', 6_000],
    ] as const) {
      await Payment.create({
        invoiceId: invoice.id,
        amountOre,
        paidOn: DateTime.fromISO(paidOn),
        method: 'bank_transfer',
        recordedBy: 'test',
      })
    }
    const { paidPerMonth } = await getTreasurerOverview(DateTime.fromISO('2026-02-10'))
    assert.lengthOf(paidPerMonth, 12)
    assert.deepEqual(paidPerMonth[0], { month: '2025-03', amountOre: 2_000 })
    assert.deepEqual(paidPerMonth[9], { month: '2025-12', amountOre: 30_000 })
    assert.deepEqual(paidPerMonth[10], { month: '2026-01', amountOre: 45_000 })
    assert.deepEqual(paidPerMonth[11], { month: '2026-02', amountOre: 6_000 })

    const chart = paidPerMonthChart(paidPerMonth, 'da')
    assert.deepEqual(
      chart.bars.map((bar) => bar.label),
      [
        'mar.',
        'apr.',
        'maj',
        'jun.',
        'jul.',
        'aug.',
        'sep.',
        'okt.',
        'nov.',
        'dec.',
        'jan.',
        'feb.',
      ]
    )
    assert.deepEqual(
      chart.bars.filter((bar) => bar.year).map((bar) => [bar.month, bar.year]),
      [
        ['2025-03', '2025'],
        ['2026-01', '2026'],
      ]
    )
    assert.equal(chart.bars[10].name, 'januar 2026')
    assert.equal(chart.bars[10].amount, '450,00 kr.')
    assert.lengthOf(chart.yearMarks, 1)
    assert.isBelow(chart.yearMarks[0].x, chart.bars[10].x)
    assert.isAbove(chart.yearMarks[0].x, chart.bars[9].x + chart.bars[9].width)
    // The tallest month reaches the top of a rounded axis (500 kr.), time runs left to right.
    assert.equal(chart.gridLines[2].label, '500 kr.')
    assert.equal(chart.bars[10].height, 145.8)
    assert.isTrue(chart.bars.every((bar, index) => index === 0 || bar.x > chart.bars[index - 1].x))
  })
})

test.group('Paid per month chart', () => {
  test('in English, and with nothing paid the axis still reads in whole kroner', ({ assert }) => {
    const months = Array.from({ length: 12 }, (_, index) => ({
      month: DateTime.fromISO('2025-07-01').plus({ months: index }).toFormat('yyyy-MM'),
      amountOre: 0,
    }))
    const empty = paidPerMonthChart(months, 'da')
    assert.deepEqual(
      empty.gridLines.map((line) => line.label),
      ['0 kr.', '50 kr.', '100 kr.']
    )
    assert.isTrue(empty.bars.every((bar) => bar.height === 0))
    months[6].amountOre = 250_000
    const english = paidPerMonthChart(months, 'en')
    assert.equal(english.bars[6].label, 'Jan')
    assert.equal(english.bars[6].year, '2026')
    assert.equal(english.bars[6].name, 'January 2026')
    assert.deepEqual(
      english.gridLines.map((line) => line.label),
      ['DKK 0', 'DKK 2,500', 'DKK 5,000']
    )
    assert.equal(english.total, 'DKK 2,500.00')
  })
})
