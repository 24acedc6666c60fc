import { DateTime } from 'luxon'

/**
 * A time as Lucid writes timestamp columns, for raw queries and updates
 * (conditional updates, expiry checks) that bypass the models.
 */
export function sqlTimestamp(time: DateTime = DateTime.now()) {
  return time.toFormat('yyyy-MM-dd HH:mm:ss')
}
