import Invoice from '#dues/models/invoice'
import { getBalances } from '#dues/queries/invoice_balances'
import { danishToday } from '#dues/actions/issue_dues_invoice'

/** An organisation's invoices and credit notes, newest first, with balances. */
export async function getOrganisationInvoices(organisationId: number) {
  const invoices = await Invoice.query()
    .where('organisation_id', organisationId)
    .orderBy('issue_date', 'desc')
    .orderBy('id', 'desc')
  const balances = await getBalances(
    invoices.filter((invoice) => invoice.kind === 'invoice'),
    danishToday()
  )
  const rows = invoices.map((invoice) => ({ invoice, balance: balances.get(invoice.id) ?? null }))
  const owedOre = rows.reduce((sum, row) => sum + Math.max(row.balance?.balanceOre ?? 0, 0), 0)
  return { rows, owedOre }
}
