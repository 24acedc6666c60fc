import type { DateTime } from 'luxon'
import Invoice from '#dues/models/invoice'
import { getBalances, type InvoiceBalance } from '#dues/queries/invoice_balances'
import { getAssociationSettings } from '#association/queries/get_association_settings'

/**
 * Whether an organisation has paid its dues for a year, as the voting
 * register asks it. With grace months in the statutes, dues not yet that
 * many months past their due date count as paid.
 */
export async function hasPaidDues(organisationId: number, year: number, asOf: DateTime) {
  const { invoices, balances, graceMonths } = await duesOf([organisationId], [year], asOf)
  return settled(invoices, balances, asOf, graceMonths)
}

/**
 * Whether unpaid dues take away an organisation's vote at an assembly: the
 * year's dues once that year is invoiced, and until then the last year's,
 * so an assembly early in the year does not turn on an invoice not yet sent.
 * A member never invoiced (one who joined since the last dues run) owes
 * nothing yet, and votes.
 */
export async function duesSettledForVoting(organisationId: number, year: number, asOf: DateTime) {
  const answers = await duesSettledForVotingOf([organisationId], year, asOf)
  return answers.get(organisationId)!
}

/** The same for every member of a voting register, in four queries however many there are. */
export async function duesSettledForVotingOf(
  organisationIds: number[],
  year: number,
  asOf: DateTime
) {
  const { invoices, balances, graceMonths } = await duesOf(organisationIds, [year, year - 1], asOf)
  const answers = new Map<number, boolean>()
  for (const organisationId of organisationIds) {
    const own = invoices.filter((invoice) => invoice.organisationId === organisationId)
    const counted = own.some((invoice) => invoice.year === year) ? year : year - 1
    answers.set(
      organisationId,
      own.length === 0 ||
        settled(
          own.filter((invoice) => invoice.year === counted),
          balances,
          asOf,
          graceMonths
        )
    )
  }
  return answers
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
