import { DateTime } from 'luxon'

/**
 * A time as Lucid writes timestamp columns, for raw queries and updates
 * (conditional updates, expiry checks) that bypass the models.
 */
export function sqlTimestamp(time: DateTime = DateTime.now()) {
  return time.toFormat('yyyy-MM-dd HH:mm:ss')
}

/**
 * A DATE column as `YYYY-MM-DD`, whichever database read it: SQLite gives
 * text, MySQL/MariaDB a Date at midnight UTC (the pool reads in UTC, 'Z').
 */
export function isoDateFromSql(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value).slice(0, 10)
}
