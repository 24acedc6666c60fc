import type { DateTime } from 'luxon'

/** Rykker 1, 2 and 3; after the third the matter leaves Kreds. */
export const MAX_REMINDERS = 3
/** Danish practice: reminders at least ten days apart. */
export const MIN_REMINDER_INTERVAL_DAYS = 10
/** The most a reminder fee may be (100 kr.). */
export const MAX_REMINDER_FEE_ORE = 10_000

/**
 * The reminder an unpaid invoice is due today, or null: the first once the
 * due date has passed, each next one the interval after the last.
 */
export function nextReminderLevel(input: {
  dueDate: DateTime | null
  sentOn: DateTime[]
  balanceOre: number
  today: DateTime
  intervalDays: number
}): number | null {
  if (!input.dueDate || input.balanceOre <= 0) return null
  if (input.sentOn.length >= MAX_REMINDERS) return null
  if (input.today <= input.dueDate) return null
  const interval = Math.max(input.intervalDays, MIN_REMINDER_INTERVAL_DAYS)
  const last = input.sentOn.reduce<DateTime | null>(
    (latest, day) => (latest && latest > day ? latest : day),
    null
  )
  if (last && input.today < last.plus({ days: interval })) return null
  return input.sentOn.length + 1
}
