import { DateTime } from 'luxon'

/**
 * Kreds stores every moment in UTC and shows it in the association's own
 * time, Danish summer and winter time alike. Whatever zone the server runs
 * in (production and tests run in UTC), "now" and "today" are Danish.
 */
export const DANISH_ZONE = 'Europe/Copenhagen'

/** The moment now, on the Danish clock. */
export function danishNow() {
  return DateTime.now().setZone(DANISH_ZONE)
}

/** Today's date in Denmark: after 23.00 UTC in winter (22.00 in summer) it is already tomorrow. */
export function danishToday() {
  return danishNow().startOf('day')
}

/** Today in Denmark as YYYY-MM-DD, for date fields and file names. */
export function danishIsoToday() {
  return danishToday().toISODate()!
}

/** A moment as ISO 8601 on the Danish clock (2026-03-29T03:30:00.000+02:00), for data exports. */
export function danishIso(value: DateTime | null | undefined) {
  return value?.isValid ? value.setZone(DANISH_ZONE).toISO() : null
}
