import { type DateTime } from 'luxon'
import { DANISH_ZONE } from '#shared/danish_time'
import { sqlTimestamp } from '#shared/sql_time'

/**
 * The moment a period counted back from now began, on the Danish calendar:
 * a month before 31 March 03.30 is 28 February 03.30 in Denmark (the end of
 * the shorter month), summer time on one day and winter time on the other.
 * As Lucid writes timestamps, for comparisons in SQL.
 */
export function monthsBefore(now: DateTime, months: number) {
  return sqlTimestamp(now.setZone(DANISH_ZONE).minus({ months }).setZone(now.zone))
}

export function daysBefore(now: DateTime, days: number) {
  return sqlTimestamp(now.setZone(DANISH_ZONE).minus({ days }).setZone(now.zone))
}

/** The Danish date that many months before today in Denmark, as `yyyy-MM-dd`. */
export function danishDateMonthsBefore(now: DateTime, months: number) {
  return now.setZone(DANISH_ZONE).startOf('day').minus({ months }).toISODate()!
}

/**
 * The first day of invoices still inside the bookkeeping period: they are
 * kept five years after the end of the financial year (the calendar year)
 * in which they were issued. In 2026 that is 1 January 2021.
 */
export function bookkeepingKeptFrom(now: DateTime) {
  return `${now.setZone(DANISH_ZONE).year - 5}-01-01`
}
