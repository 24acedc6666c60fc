import type { DailyShares } from '#newsletters/queries/share_stats'
import { formatDate, type DisplayLocale } from '#shared/formatting'

export type ChartBar = {
  x: number
  y: number
  height: number
  kind: 'views' | 'forwards' | 'signups'
  label: string
}

export const CHART = { width: 600, height: 160, gap: 2 }

/**
 * Stacked columns, one a day, drawn as SVG on the server: the page needs no
 * chart library and prints as it looks. Each column's label names its day in
 * the reader's language.
 */
export function shareChartBars(series: DailyShares[], locale: DisplayLocale) {
  const highest = Math.max(1, ...series.map((day) => day.views + day.forwards + day.signups))
  const columnWidth = CHART.width / Math.max(1, series.length)
  const bars: ChartBar[] = []
  series.forEach((day, index) => {
    let top = CHART.height
    for (const kind of ['views', 'forwards', 'signups'] as const) {
      if (!day[kind]) continue
      const height = (day[kind] / highest) * CHART.height
      top -= height
      bars.push({
        x: index * columnWidth + CHART.gap / 2,
        y: top,
        height,
        kind,
        label: `${formatDate(day.day, locale)}: ${day[kind]}`,
      })
    }
  })
  return { bars, columnWidth: columnWidth - CHART.gap, highest }
}
