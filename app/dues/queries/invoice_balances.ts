import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type Invoice from '#dues/models/invoice'
import { isoDateFromSql } from '#shared/sql_time'

export type InvoiceStatus = 'open' | 'overdue' | 'partly_paid' | 'paid' | 'credited'

export type InvoiceBalance = {
  paidOre: number
  feesOre: number
  /** What is still owed: the total and reminder fees, less payments; zero once credited. */
  balanceOre: number
  lastPaidOn: string | null
  credited: boolean
  status: InvoiceStatus
}

/** Payments, reminder fees and credit notes of many invoices, in three grouped queries. */
export async function getBalances(
  invoices: Invoice[],
  today: DateTime,
  client: QueryClientContract = db.connection()
) {
  const ids = invoices.map((invoice) => invoice.id)
  const balances = new Map<number, InvoiceBalance>()
  if (ids.length === 0) return balances
  const [payments, fees, credits] = await Promise.all([
    client
      .from('payments')
      .whereIn('invoice_id', ids)
      .groupBy('invoice_id')
      .select('invoice_id')
      .sum('amount_ore as paid')
      .max('paid_on as last_paid_on'),
    client
      .from('reminders')
      .whereIn('invoice_id', ids)
      .groupBy('invoice_id')
      .select('invoice_id')
      .sum('fee_ore as fees'),
    client.from('invoices').whereIn('credits_invoice_id', ids).select('credits_invoice_id'),
  ])
  const paidBy = new Map(payments.map((row) => [Number(row.invoice_id), row]))
  const feesBy = new Map(fees.map((row) => [Number(row.invoice_id), Number(row.fees)]))
  const creditedIds = new Set(credits.map((row) => Number(row.credits_invoice_id)))
  for (const invoice of invoices) {
    const paid = paidBy.get(invoice.id)
    const paidOre = Number(paid?.paid ?? 0)
    const feesOre = feesBy.get(invoice.id) ?? 0
    const credited = creditedIds.has(invoice.id)
    const balanceOre = credited ? 0 : invoice.totalOre + feesOre - paidOre
    balances.set(invoice.id, {
      paidOre,
      feesOre,
      balanceOre,
      lastPaidOn: paid?.last_paid_on ? isoDateFromSql(paid.last_paid_on) : null,
      credited,
      status: statusOf(invoice, { credited, balanceOre, paidOre }, today),
    })
  }
  return balances
}

function statusOf(
  invoice: Invoice,
  money: { credited: boolean; balanceOre: number; paidOre: number },
  today: DateTime
): InvoiceStatus {
  if (money.credited) return 'credited'
  if (money.balanceOre <= 0) return 'paid'
  if (invoice.dueDate && invoice.dueDate < today) return 'overdue'
  return money.paidOre > 0 ? 'partly_paid' : 'open'
}

/** One invoice's balance. */
export async function balanceOf(
  invoice: Invoice,
  today: DateTime,
  client: QueryClientContract = db.connection()
) {
  const balances = await getBalances([invoice], today, client)
  return balances.get(invoice.id)!
}
