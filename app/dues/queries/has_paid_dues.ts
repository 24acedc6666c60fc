import type { DateTime } from 'luxon'
import Invoice from '#dues/models/invoice'
import { getBalances } from '#dues/queries/invoice_balances'
import { getAssociationSettings } from '#association/queries/get_association_settings'

/**
 * Whether an organisation has paid its dues for a year, as the voting
 * register asks it. With grace months in the statutes, dues not yet that
 * many months past their due date count as paid.
 */
export async function hasPaidDues(organisationId: number, year: number, asOf: DateTime) {
  const settings = await getAssociationSettings()
  const invoices = await Invoice.query()
    .where('organisation_id', organisationId)
    .where('kind', 'invoice')
    .where('year', year)
  const balances = await getBalances(invoices, asOf)
  const standing = invoices.filter((invoice) => !balances.get(invoice.id)!.credited)
  if (standing.length === 0) return false
  return standing.every((invoice) => {
    if (balances.get(invoice.id)!.balanceOre <= 0) return true
    if (settings.duesGraceMonths <= 0 || !invoice.dueDate) return false
    return asOf <= invoice.dueDate.plus({ months: settings.duesGraceMonths })
  })
}

/**
 * Whether unpaid dues take away an organisation's vote at an assembly: the
 * year's dues once that year is invoiced, and until then the last year's,
 * so an assembly early in the year does not turn on an invoice not yet sent.
 * A member never invoiced (one who joined since the last dues run) owes
 * nothing yet, and votes.
 */
export async function duesSettledForVoting(organisationId: number, year: number, asOf: DateTime) {
  const invoiced = await Invoice.query()
    .where('organisation_id', organisationId)
    .where('kind', 'invoice')
    .whereIn('year', [year, year - 1])
    .select('year')
  const years = new Set(invoiced.map((invoice) => invoice.year))
  if (years.size === 0) return true
  return hasPaidDues(organisationId, years.has(year) ? year : year - 1, asOf)
}
