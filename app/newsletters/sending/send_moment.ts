import { DateTime } from 'luxon'
import { DANISH_ZONE } from '#shared/danish_time'

/**
 * When the send form asks the issue to go out: null for now, else the
 * Danish wall-clock time typed (a datetime-local value has no zone), or
 * 'past' for a time that has already gone by.
 */
export function requestedSendMoment(input: { when: 'now' | 'later'; send_at?: string }) {
  if (input.when !== 'later' || !input.send_at) return null
  const at = DateTime.fromISO(input.send_at, { zone: DANISH_ZONE })
  return at < DateTime.now() ? 'past' : at
}
