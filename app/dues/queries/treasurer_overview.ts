import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Invoice from '#dues/models/invoice'
import { getBalances } from '#dues/queries/invoice_balances'
import { MAX_REMINDERS, MIN_REMINDER_INTERVAL_DAYS } from '#dues/reminder_schedule'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { isoDateFromSql } from '#shared/sql_time'

export const AGE_BUCKETS = ['not_due', 'days_1_30', 'days_31_60', 'days_61_90', 'over_90'] as const
export type AgeBucket = (typeof AGE_BUCKETS)[number]

export type BucketFigures = { bucket: AgeBucket; count: number; amountOre: number }
export type MonthPaid = { month: string; amountOre: number }

export type TreasurerOverview = {
  outstanding: { count: number; amountOre: number }
  overdue: { count: number; amountOre: number }
  buckets: BucketFigures[]
  toMatch: { count: number; amountOre: number }
  /** The first day a reminder falls due, and for how many invoices; null when none will. */
  nextReminderRun: { on: string; count: number; due: boolean } | null
  /** The last twelve months, oldest first, the current month last. */
  paidPerMonth: MonthPaid[]
}

/** A calendar date as a day number, so day differences ignore the clock change. */
function dayNumber(isoDate: string) {
  return Math.round(DateTime.fromISO(isoDate, { zone: 'utc' }).toMillis() / 86_400_000)
}

/** How many days past its due date a Danish calendar day is: 0 or less is not yet due. */
export function daysOverdue(dueDate: string | null, today: string) {
  return dueDate ? dayNumber(today) - dayNumber(dueDate) : 0
}

export function ageBucket(days: number): AgeBucket {
  if (days <= 0) return 'not_due'
  if (days <= 30) return 'days_1_30'
  if (days <= 60) return 'days_31_60'
  if (days <= 90) return 'days_61_90'
  return 'over_90'
}

/**
 * The day the reminder run would first remind this invoice, following
 * nextReminderLevel: the day after the due date, or the interval after the
 * last reminder; null after the last reminder.
 */
export function nextReminderDay(input: {
  dueDate: string
  sentOn: string[]
  intervalDays: number
}): string | null {
  if (input.sentOn.length >= MAX_REMINDERS) return null
  const afterDue = DateTime.fromISO(input.dueDate).plus({ days: 1 })
  const last = input.sentOn.reduce<string | null>((a, b) => (a && a > b ? a : b), null)
  if (!last) return afterDue.toISODate()
  const interval = Math.max(input.intervalDays, MIN_REMINDER_INTERVAL_DAYS)
  const afterLast = DateTime.fromISO(last).plus({ days: interval })
  return (afterLast > afterDue ? afterLast : afterDue).toISODate()
}

/**
 * What the treasurer has to act on: what is owed by age, bank entries
 * waiting for a decision, the next reminder run and what came in per month.
 * `today` is the Danish calendar day.
 */
export async function getTreasurerOverview(today: DateTime): Promise<TreasurerOverview> {
  const todayIso = today.toISODate()!
  // Only invoices that may still be owed: years of paid and credited ones are not read at all.
  const invoices = await Invoice.query()
    .where('kind', 'invoice')
    .whereNotExists((credit) =>
      credit.from('invoices as credits').whereColumn('credits.credits_invoice_id', 'invoices.id')
    )
    .whereRaw(
      `invoices.total_ore
        + (SELECT COALESCE(SUM(fee_ore), 0) FROM reminders WHERE reminders.invoice_id = invoices.id)
        > (SELECT COALESCE(SUM(amount_ore), 0) FROM payments WHERE payments.invoice_id = invoices.id)`
    )
    .preload('reminders')
  const balances = await getBalances(invoices, today)
  const settings = await getAssociationSettings()
  const buckets = new Map<AgeBucket, BucketFigures>(
    AGE_BUCKETS.map((bucket) => [bucket, { bucket, count: 0, amountOre: 0 }])
  )
  const overview: TreasurerOverview = {
    outstanding: { count: 0, amountOre: 0 },
    overdue: { count: 0, amountOre: 0 },
    buckets: [],
    toMatch: { count: 0, amountOre: 0 },
    nextReminderRun: null,
    paidPerMonth: [],
  }
  const reminderDays: string[] = []
  for (const invoice of invoices) {
    const owed = balances.get(invoice.id)!.balanceOre
    if (owed <= 0) continue
    const dueDate = invoice.dueDate?.toISODate() ?? null
    const figures = buckets.get(ageBucket(daysOverdue(dueDate, todayIso)))!
    figures.count++
    figures.amountOre += owed
    overview.outstanding.count++
    overview.outstanding.amountOre += owed
    if (figures.bucket !== 'not_due') {
      overview.overdue.count++
      overview.overdue.amountOre += owed
    }
    // The reminder run reminds only dues invoices (see SendReminders).
    if (!dueDate || !invoice.duesKey) continue
    const day = nextReminderDay({
      dueDate,
      sentOn: invoice.reminders.map((reminder) => reminder.sentOn.toISODate()!),
      intervalDays: settings.reminderIntervalDays,
    })
    if (day) reminderDays.push(day < todayIso ? todayIso : day)
  }
  overview.buckets = [...buckets.values()]
  if (reminderDays.length > 0) {
    const first = reminderDays.reduce((a, b) => (a < b ? a : b))
    overview.nextReminderRun = {
      on: first,
      count: reminderDays.filter((day) => day === first).length,
      due: first === todayIso,
    }
  }
  overview.toMatch = await bankEntriesToMatch()
  overview.paidPerMonth = await paidPerMonth(today)
  return overview
}

async function bankEntriesToMatch() {
  const row = await db
    .from('bank_entries')
    .where('state', 'open')
    .count('* as total')
    .sum('amount_ore as amount')
    .first()
  return { count: Number(row?.total ?? 0), amountOre: Number(row?.amount ?? 0) }
}

/** Payments by the month they were paid in, for the twelve months up to this one. */
export async function paidPerMonth(today: DateTime): Promise<MonthPaid[]> {
  const first = today.startOf('month').minus({ months: 11 })
  const months: MonthPaid[] = Array.from({ length: 12 }, (_, index) => ({
    month: first.plus({ months: index }).toFormat('yyyy-MM'),
    amountOre: 0,
  }))
  const byMonth = new Map(months.map((month) => [month.month, month]))
  const rows = await db
    .from('payments')
    .where('paid_on', '>=', first.toISODate()!)
    .where('paid_on', '<=', today.endOf('month').toISODate()!)
    .select('paid_on', 'amount_ore')
  for (const row of rows) {
    const month = byMonth.get(isoDateFromSql(row.paid_on).slice(0, 7))
    if (month) month.amountOre += Number(row.amount_ore)
  }
  return months
}
