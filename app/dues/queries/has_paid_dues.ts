import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Invoice from '#dues/models/invoice'
import { duesStanding, type DuesStanding, type StandingInvoice } from '#dues/dues_standing'
import { getBalances, type InvoiceBalance } from '#dues/queries/invoice_balances'
import { getAssociationSettings } from '#association/queries/get_association_settings'

/**
 * Whether an organisation has paid its dues for a year. With grace months in the statutes, dues not yet that
 * many months past their due date count as paid.
 */
export async function hasPaidDues(organisationId: number, year: number, asOf: DateTime) {
  const { invoices, balances, graceMonths } = await duesOf([organisationId], [year], asOf)
  return settled(invoices, balances, asOf, graceMonths)
}

/**
 * Where each organisation stood with its dues for `year` on `day` (ISO date),
 * as the voting register of an assembly that day asks it. Only what existed
 * on the day counts: invoices issued by then and not credited by then,
 * payments made and reminder fees charged by then, so the register of a
 * past assembly reads as it would have on its day. An organisation whose
 * tier charges nothing for the year is exempt; one with no invoice for the
 * year is not invoiced, whatever it owed the year before. The grace months
 * come from the caller, which may be reading inside a transaction.
 */
export async function duesStandingsOn(
  organisations: { id: number; tierId: number | null }[],
  asked: { year: number; day: string; graceMonths: number },
  client: QueryClientContract = db.connection()
): Promise<Map<number, DuesStanding>> {
  const { year, day, graceMonths } = asked
  const ids = organisations.map((organisation) => organisation.id)
  const tierIds = [...new Set(organisations.map((organisation) => organisation.tierId))]
  const [invoices, fees] = await Promise.all([
    ids.length
      ? Invoice.query({ client })
          .whereIn('organisation_id', ids)
          .where('kind', 'invoice')
          .where('year', year)
          .where('issue_date', '<=', day)
      : [],
    client
      .from('tier_fees')
      .where('year', year)
      .whereIn(
        'tier_id',
        tierIds.filter((id): id is number => id !== null)
      )
      .select('tier_id', 'amount_ore'),
  ])
  const feeByTier = new Map(fees.map((row) => [Number(row.tier_id), Number(row.amount_ore)]))
  const owed = await balancesOn(invoices, day, client)
  const standingInvoices = new Map<number, StandingInvoice[]>()
  for (const invoice of invoices) {
    const balanceOre = owed.get(invoice.id)
    if (balanceOre === undefined) continue
    const own = standingInvoices.get(invoice.organisationId) ?? []
    own.push({
      totalOre: invoice.totalOre,
      balanceOre,
      dueDate: invoice.dueDate?.toISODate() ?? null,
    })
    standingInvoices.set(invoice.organisationId, own)
  }
  const standings = new Map<number, DuesStanding>()
  for (const organisation of organisations) {
    standings.set(
      organisation.id,
      duesStanding({
        invoices: standingInvoices.get(organisation.id) ?? [],
        tierFeeOre: organisation.tierId ? (feeByTier.get(organisation.tierId) ?? null) : null,
        day,
        graceMonths,
      })
    )
  }
  return standings
}

/** What each invoice still owed at the end of `day`; credited invoices are left out. */
async function balancesOn(invoices: Invoice[], day: string, client: QueryClientContract) {
  const ids = invoices.map((invoice) => invoice.id)
  const owed = new Map<number, number>()
  if (ids.length === 0) return owed
  const [payments, fees, credits] = await Promise.all([
    client
      .from('payments')
      .whereIn('invoice_id', ids)
      .where('paid_on', '<=', day)
      .groupBy('invoice_id')
      .select('invoice_id')
      .sum('amount_ore as paid'),
    client
      .from('reminders')
      .whereIn('invoice_id', ids)
      .where('sent_on', '<=', day)
      .groupBy('invoice_id')
      .select('invoice_id')
      .sum('fee_ore as fees'),
    client
      .from('invoices')
      .whereIn('credits_invoice_id', ids)
      .where('issue_date', '<=', day)
      .select('credits_invoice_id'),
  ])
  const paidBy = new Map(payments.map((row) => [Number(row.invoice_id), Number(row.paid)]))
  const feesBy = new Map(fees.map((row) => [Number(row.invoice_id), Number(row.fees)]))
  const credited = new Set(credits.map((row) => Number(row.credits_invoice_id)))
  for (const invoice of invoices) {
    if (credited.has(invoice.id)) continue
    owed.set(
      invoice.id,
      invoice.totalOre + (feesBy.get(invoice.id) ?? 0) - (paidBy.get(invoice.id) ?? 0)
    )
  }
  return owed
}

async function duesOf(organisationIds: number[], years: number[], asOf: DateTime) {
  const settings = await getAssociationSettings()
  const invoices = organisationIds.length
    ? await Invoice.query()
        .whereIn('organisation_id', organisationIds)
        .where('kind', 'invoice')
        .whereIn('year', years)
    : []
  const balances = await getBalances(invoices, asOf)
  return { invoices, balances, graceMonths: settings.duesGraceMonths }
}

/** Paid, or unpaid but not yet the grace months past due; credited invoices do not count. */
function settled(
  invoices: Invoice[],
  balances: Map<number, InvoiceBalance>,
  asOf: DateTime,
  graceMonths: number
) {
  const standing = invoices.filter((invoice) => !balances.get(invoice.id)!.credited)
  if (standing.length === 0) return false
  return standing.every((invoice) => {
    if (balances.get(invoice.id)!.balanceOre <= 0) return true
    if (graceMonths <= 0 || !invoice.dueDate) return false
    return asOf <= invoice.dueDate.plus({ months: graceMonths })
  })
}
