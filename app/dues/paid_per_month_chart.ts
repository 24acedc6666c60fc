import { DateTime } from 'luxon'
import type { MonthPaid } from '#dues/queries/treasurer_overview'
import { formatKroner, type DisplayLocale } from '#shared/formatting'

export const MONTH_CHART = { width: 520, height: 220, left: 72, right: 6, top: 12, bottom: 46 }

export type MonthBar = {
  month: string
  x: number
  y: number
  width: number
  height: number
  /** "jan." under the bar; the year is added under January and the first month. */
  label: string
  year: string | null
  /** "januar 2026", for the tooltip and the data table. */
  name: string
  amount: string
}

const monthNames = {
  da: new Intl.DateTimeFormat('da-DK', { month: 'short', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }),
}
const longMonthNames = {
  da: new Intl.DateTimeFormat('da-DK', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
}

function monthDate(month: string) {
  return DateTime.fromISO(`${month}-01`, { zone: 'utc' }).toJSDate()
}

/** "januar 2026": the month as the data table and the bar's tooltip name it. */
export function longMonthName(month: string, locale: DisplayLocale) {
  return longMonthNames[locale].format(monthDate(month))
}

/** A rounded top for the amount axis: 1, 2 or 5 times a power of ten kroner, at least 100 kr. */
function niceCeiling(ore: number) {
  const kroner = Math.max(100, Math.ceil(ore / 100))
  const power = 10 ** Math.floor(Math.log10(kroner))
  const step = [1, 2, 5, 10].find((factor) => factor * power >= kroner)!
  return step * power * 100
}

/**
 * Columns for the amounts paid per month, placed on a time axis of calendar
 * months and drawn as SVG on the server (no chart library, prints as seen).
 */
export function paidPerMonthChart(months: MonthPaid[], locale: DisplayLocale) {
  const { width, height, left, right, top, bottom } = MONTH_CHART
  const plotWidth = width - left - right
  const plotHeight = height - top - bottom
  const topOre = niceCeiling(Math.max(0, ...months.map((month) => month.amountOre)))
  const slot = plotWidth / Math.max(1, months.length)
  const bars: MonthBar[] = months.map((month, index) => {
    const barHeight = (Math.max(0, month.amountOre) / topOre) * plotHeight
    const isJanuary = month.month.endsWith('-01')
    return {
      month: month.month,
      x: round(left + index * slot + slot * 0.15),
      y: round(top + plotHeight - barHeight),
      width: round(slot * 0.7),
      height: round(barHeight),
      label: monthNames[locale].format(monthDate(month.month)),
      year: index === 0 || isJanuary ? month.month.slice(0, 4) : null,
      name: longMonthName(month.month, locale),
      amount: formatKroner(month.amountOre, locale),
    }
  })
  const gridLines = [0, 0.5, 1].map((share) => ({
    y: round(top + plotHeight - share * plotHeight),
    // Whole kroner on the axis: "1.000 kr." and "DKK 1,000".
    label: formatKroner(Math.round(topOre * share), locale).replace(/[.,]00(?= kr\.|$)/, ''),
  }))
  // A line between December and January marks the year boundary on the axis.
  const yearMarks = bars
    .filter((bar, index) => index > 0 && bar.month.endsWith('-01'))
    .map((bar) => ({ x: round(bar.x - slot * 0.15) }))
  return {
    ...MONTH_CHART,
    bars,
    total: formatKroner(
      months.reduce((sum, month) => sum + month.amountOre, 0),
      locale
    ),
    gridLines,
    yearMarks,
    slot: round(slot),
    axisY: top + plotHeight,
    labelY: top + plotHeight + 19,
    yearY: top + plotHeight + 38,
  }
}

function round(value: number) {
  return Math.round(value * 10) / 10
}
