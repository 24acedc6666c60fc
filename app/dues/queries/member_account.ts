import db from '@adonisjs/lucid/services/db'
import { getOrganisationInvoices } from '#dues/queries/organisation_invoices'
import { danishToday } from '#dues/actions/issue_dues_invoice'

export type MemberAccount = Awaited<ReturnType<typeof getMemberAccount>>

/**
 * What one organisation owes and has paid, for its own eyes in the portal:
 * outstanding and overdue are what is still owed on its invoices today;
 * paid this year counts payments made in the Danish calendar year, whichever
 * year's invoice they paid.
 */
export async function getMemberAccount(organisationId: number) {
  const today = danishToday()
  const { rows, owedOre } = await getOrganisationInvoices(organisationId)
  const overdue = rows.filter((row) => row.balance?.status === 'overdue')
  const paid = await db
    .from('payments')
    .join('invoices', 'invoices.id', 'payments.invoice_id')
    .where('invoices.organisation_id', organisationId)
    .where('payments.paid_on', '>=', today.startOf('year').toISODate()!)
    .where('payments.paid_on', '<=', today.endOf('year').toISODate()!)
    .sum('payments.amount_ore as paid')
    .first()
  return {
    rows,
    year: today.year,
    outstandingOre: owedOre,
    overdueOre: overdue.reduce((sum, row) => sum + (row.balance?.balanceOre ?? 0), 0),
    overdueCount: overdue.length,
    paidThisYearOre: Number(paid?.paid ?? 0),
  }
}
