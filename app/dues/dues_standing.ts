import { DateTime } from 'luxon'

/**
 * Where a member stood with its dues for a year on a given day, as a voting
 * register asks it: exempt (its tier charges nothing), not invoiced yet,
 * paid, unpaid but not yet due, unpaid and past due but within the
 * statutes' grace months, or unpaid.
 */
export type DuesStanding = 'paid' | 'exempt' | 'not_invoiced' | 'not_due' | 'in_grace' | 'unpaid'

/** A dues invoice for the year as it stood on the day: issued by then and not credited. */
export type StandingInvoice = {
  totalOre: number
  /** What was still owed on the day: the total and reminder fees, less payments. */
  balanceOre: number
  /** ISO date. */
  dueDate: string | null
}

/** Worst first: one unpaid invoice outweighs another not yet due. */
const SEVERITY: DuesStanding[] = ['unpaid', 'in_grace', 'not_due']

export function duesStanding(input: {
  invoices: StandingInvoice[]
  /** The member's tier fee for the year; null when it has no tier or no fee is set. */
  tierFeeOre: number | null
  /** ISO date of the day asked about. */
  day: string
  graceMonths: number
}): DuesStanding {
  const { invoices, day, graceMonths } = input
  if (invoices.length === 0) return input.tierFeeOre === 0 ? 'exempt' : 'not_invoiced'
  if (invoices.every((invoice) => invoice.totalOre <= 0)) return 'exempt'
  const owing = invoices.filter((invoice) => invoice.balanceOre > 0)
  if (owing.length === 0) return 'paid'
  const standings = owing.map((invoice): DuesStanding => {
    // A dues invoice always has a due date; one without cannot be overdue.
    if (!invoice.dueDate || day <= invoice.dueDate) return 'not_due'
    const graceEnds = DateTime.fromISO(invoice.dueDate).plus({ months: graceMonths }).toISODate()!
    return graceMonths > 0 && day <= graceEnds ? 'in_grace' : 'unpaid'
  })
  return SEVERITY.find((standing) => standings.includes(standing))!
}
