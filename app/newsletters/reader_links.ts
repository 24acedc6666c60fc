import { createHmac, timingSafeEqual } from 'node:crypto'
import env from '#start/env'

export type ReaderLinkPurpose = 'unsubscribe'

/**
 * A reader's own unsubscribe link, signed rather than stored: the subscriber
 * id and 128 bits of HMAC under the app key, so every mail can carry one and
 * nobody can make another reader's.
 */
function signature(purpose: ReaderLinkPurpose, subscriberId: number) {
  return createHmac('sha256', env.get('APP_KEY').release())
    .update(`${purpose}:${subscriberId}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url')
}

export function readerToken(purpose: ReaderLinkPurpose, subscriberId: number) {
  return `${subscriberId.toString(36)}.${signature(purpose, subscriberId)}`
}

export function verifyReaderToken(purpose: ReaderLinkPurpose, token: string): number | null {
  const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})$/.exec(token)
  if (!match) return null
  const subscriberId = Number.parseInt(match[1], 36)
  const expected = Buffer.from(signature(purpose, subscriberId))
  const given = Buffer.from(match[2])
  return expected.length === given.length && timingSafeEqual(expected, given) ? subscriberId : null
}

export function unsubscribeUrl(subscriberId: number) {
  return new URL(`/u/${readerToken('unsubscribe', subscriberId)}`, env.get('APP_URL')).toString()
}
