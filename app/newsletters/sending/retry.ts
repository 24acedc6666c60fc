import { DateTime } from 'luxon'

/** Minutes to wait before a temporary refusal (4xx) is tried again, by the attempt refused. */
export const RETRY_BACKOFF_MINUTES = [1, 5, 15, 30] as const

export function retryDelayMinutes(attempt: number) {
  return RETRY_BACKOFF_MINUTES[Math.min(Math.max(attempt, 1), RETRY_BACKOFF_MINUTES.length) - 1]
}

export function retryTimeAfter(attempt: number, now = DateTime.now()) {
  return now.plus({ minutes: retryDelayMinutes(attempt) })
}
