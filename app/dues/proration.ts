import type { DateTime } from 'luxon'

export type ProrationMode = 'none' | 'quarters'

/**
 * The year's fee for a member. With proration by quarters, a member who
 * joins during the year pays for the quarter they join in and those left:
 * joining in May pays 3/4. Rounded to whole øre.
 */
export function proratedFee(
  feeOre: number,
  year: number,
  joinedOn: DateTime | null,
  mode: ProrationMode
): { amountOre: number; quarters: number } {
  if (mode === 'none' || !joinedOn || joinedOn.year !== year) {
    return { amountOre: feeOre, quarters: 4 }
  }
  const quarters = 4 - Math.floor((joinedOn.month - 1) / 3)
  return { amountOre: Math.round((feeOre * quarters) / 4), quarters }
}
