import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto'
import env from '#start/env'

/**
 * unsubscribe: keyed by subscriber; share: keyed by delivery (one reader's
 * copy of one issue); test_share: keyed by a test copy (a test address's).
 */
export type ReaderLinkPurpose = 'unsubscribe' | 'share' | 'test_share'

/**
 * A reader's own links, signed rather than stored: the id and 128 bits of
 * HMAC under the app key, so every copy can carry them at no cost per
 * reader and nobody can make another reader's.
 */
function signature(purpose: ReaderLinkPurpose | 'web', id: number) {
  return createHmac('sha256', appKey())
    .update(`${purpose}:${id}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url')
}

export function readerToken(purpose: ReaderLinkPurpose, id: number) {
  return `${id.toString(36)}.${signature(purpose, id)}`
}

export function verifyReaderToken(purpose: ReaderLinkPurpose, token: string): number | null {
  const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})$/.exec(token)
  if (!match) return null
  const id = Number.parseInt(match[1], 36)
  // One copy, one token: "0k" would name the same id as "k" and count apart from it in the limits.
  if (id.toString(36) !== match[1]) return null
  const expected = Buffer.from(signature(purpose, id))
  const given = Buffer.from(match[2])
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null
}

let key: KeyObject | null = null

/** Made once: every reader's copy signs three tokens, and a key object spares preparing the key each time. */
function appKey() {
  key ??= createSecretKey(Buffer.from(env.get('APP_KEY').release()))
  return key
}

/**
 * APP_URL's origin, worked out once: every reader's copy has several links.
 * These paths are joined by hand, not by the router, because they are made
 * for every reader of every issue; each value in them is made here, in the
 * alphabet its route's parameter accepts (see #shared/route_params).
 */
let appBase: string | null = null

function absolute(path: string) {
  appBase ??= new URL(env.get('APP_URL')).origin
  return `${appBase}${path}`
}

/**
 * The per-delivery return path (VERP): bounces come back to an address that
 * names the delivery. Hex, because some mail servers change the case of
 * the local part.
 */
export function bounceToken(deliveryId: number) {
  const mac = createHmac('sha256', appKey())
    .update(`bounce:${deliveryId}`)
    .digest('hex')
    .slice(0, 16)
  return `${deliveryId.toString(36)}-${mac}`
}

export function verifyBounceToken(token: string): number | null {
  const match = /^([0-9a-z]{1,12})-([0-9a-f]{16})$/.exec(token.toLowerCase())
  if (!match) return null
  const id = Number.parseInt(match[1], 36)
  const expected = Buffer.from(bounceToken(id))
  const given = Buffer.from(match[0])
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null
}

export function unsubscribeUrl(subscriberId: number) {
  return unsubscribeUrlFor(readerToken('unsubscribe', subscriberId))
}

export function unsubscribeUrlFor(token: string) {
  return absolute(`/u/${token}`)
}

export function shareUrl(deliveryId: number) {
  return shareUrlFor(readerToken('share', deliveryId))
}

export function shareUrlFor(token: string) {
  return absolute(`/del/${token}`)
}

/** A test copy's share page: the same address as a reader's, told apart by what signed it. */
export function testShareUrl(testCopyId: number) {
  return shareUrlFor(readerToken('test_share', testCopyId))
}

export function testForwardUrl(testCopyId: number) {
  return forwardUrlFor(readerToken('test_share', testCopyId))
}

export function forwardUrl(deliveryId: number) {
  return forwardUrlFor(readerToken('share', deliveryId))
}

export function forwardUrlFor(token: string) {
  return absolute(`/del/${token}/videresend`)
}

/**
 * The web version's key: the same for every reader of an issue, so it names
 * nobody, yet only those the issue was sent to (and whom they pass it on to)
 * can read an issue that is not public.
 */
export function webVersionKey(issueId: number) {
  return signature('web', issueId)
}

export function verifyWebVersionKey(issueId: number, value: unknown) {
  if (typeof value !== 'string') return false
  const expected = Buffer.from(webVersionKey(issueId))
  const given = Buffer.from(value)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** The last issue's web address: every reader's copy of it has the same one. */
let lastWebVersion: { issueId: number; url: string } | null = null

/** The web version, always with its key: whether the issue is public may change after it is sent. */
export function webVersionUrl(issueId: number) {
  if (lastWebVersion?.issueId !== issueId) {
    const url = absolute(`/nyhedsbrev/udgave/${issueId}?k=${webVersionKey(issueId)}`)
    lastWebVersion = { issueId, url }
  }
  return lastWebVersion.url
}
