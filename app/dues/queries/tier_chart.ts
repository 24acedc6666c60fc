import type { TierFigures } from '#dues/queries/dues_overview'

export const TIER_CHART = { width: 600, barHeight: 26, gap: 10, labelWidth: 170 }

/**
 * One horizontal bar per tier, paid and outstanding side by side, drawn as
 * SVG on the server like the newsletter chart.
 */
export function tierChart(tiers: TierFigures[]) {
  const largest = Math.max(1, ...tiers.map((tier) => tier.paidOre + tier.outstandingOre))
  const span = TIER_CHART.width - TIER_CHART.labelWidth
  const rows = tiers.map((tier, index) => {
    const paid = (tier.paidOre / largest) * span
    const outstanding = (tier.outstandingOre / largest) * span
    return {
      tier,
      y: index * (TIER_CHART.barHeight + TIER_CHART.gap),
      paid,
      outstanding,
      labelY: index * (TIER_CHART.barHeight + TIER_CHART.gap) + TIER_CHART.barHeight * 0.65,
    }
  })
  return {
    rows,
    height: Math.max(1, tiers.length) * (TIER_CHART.barHeight + TIER_CHART.gap),
    ...TIER_CHART,
  }
}
