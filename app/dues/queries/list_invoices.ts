import type { DateTime } from 'luxon'
import Invoice from '#dues/models/invoice'
import { getBalances, type InvoiceBalance } from '#dues/queries/invoice_balances'
import type { INVOICE_FILTER_STATUSES } from '#dues/validators/dues'
import { orWhereSearch } from '#shared/search_text'

export type InvoiceRow = { invoice: Invoice; balance: InvoiceBalance | null }

/**
 * A year's invoices and credit notes in number order, with balances; the
 * EAN filter is the list for upload to NemHandel.
 */
export async function listInvoices(
  filters: {
    year: number
    status?: (typeof INVOICE_FILTER_STATUSES)[number]
    ean?: boolean
    /** An invoice number, or a member's name or city (case, accents and æøå ignored). */
    q?: string
  },
  today: DateTime
): Promise<InvoiceRow[]> {
  const query = Invoice.query()
    .where('year', filters.year)
    .preload('organisation')
    .orderBy('series')
    .orderBy('sequence')
  const text = filters.q?.trim()
  if (text) {
    query.where((match) => {
      orWhereSearch(match, 'invoices.number', text)
      match.orWhereHas('organisation', (organisation) =>
        organisation.where((named) => orWhereSearch(named, 'organisations.search_text', text))
      )
    })
  }
  if (filters.ean) {
    query.whereHas('organisation', (organisation) => organisation.whereNotNull('ean'))
  }
  const invoices = await query
  const balances = await getBalances(
    invoices.filter((invoice) => invoice.kind === 'invoice'),
    today
  )
  const rows = invoices.map((invoice) => ({ invoice, balance: balances.get(invoice.id) ?? null }))
  if (!filters.status) return rows
  return rows.filter(({ balance }) => {
    if (!balance) return filters.status === 'credited'
    if (filters.status === 'unpaid') return balance.balanceOre > 0
    return balance.status === filters.status
  })
}
