import type { DateTime } from 'luxon'
import Invoice from '#dues/models/invoice'
import { getBalances, type InvoiceBalance } from '#dues/queries/invoice_balances'

export type TierFigures = {
  tier: string
  count: number
  invoicedOre: number
  paidOre: number
  outstandingOre: number
}

export type UnpaidRow = { invoice: Invoice; balance: InvoiceBalance }

export type DuesOverview = {
  year: number
  count: number
  invoicedOre: number
  paidOre: number
  outstandingOre: number
  overdueOre: number
  byTier: TierFigures[]
  unpaid: UnpaidRow[]
}

/** The year's dues in figures: what was invoiced, paid, owed and overdue, in all and by tier. */
export async function getDuesOverview(year: number, today: DateTime): Promise<DuesOverview> {
  const invoices = await Invoice.query()
    .where('kind', 'invoice')
    .where('year', year)
    .preload('organisation')
    .preload('tier')
    .preload('reminders')
    .orderBy('number')
  const balances = await getBalances(invoices, today)
  const overview: DuesOverview = {
    year,
    count: 0,
    invoicedOre: 0,
    paidOre: 0,
    outstandingOre: 0,
    overdueOre: 0,
    byTier: [],
    unpaid: [],
  }
  const tiers = new Map<string, TierFigures>()
  for (const invoice of invoices) {
    const balance = balances.get(invoice.id)!
    if (balance.credited) continue
    overview.count++
    const owed = Math.max(balance.balanceOre, 0)
    overview.invoicedOre += invoice.totalOre + balance.feesOre
    overview.paidOre += balance.paidOre
    overview.outstandingOre += owed
    if (balance.status === 'overdue') overview.overdueOre += owed
    if (owed > 0) overview.unpaid.push({ invoice, balance })
    const name = invoice.tier?.name ?? '–'
    const figures = tiers.get(name) ?? {
      tier: name,
      count: 0,
      invoicedOre: 0,
      paidOre: 0,
      outstandingOre: 0,
    }
    figures.count++
    figures.invoicedOre += invoice.totalOre + balance.feesOre
    figures.paidOre += balance.paidOre
    figures.outstandingOre += owed
    tiers.set(name, figures)
  }
  overview.byTier = [...tiers.values()].sort((a, b) => a.tier.localeCompare(b.tier, 'da'))
  return overview
}
