import { createHash, randomBytes } from 'node:crypto'

/** What generateToken() makes: 32 random bytes in base64url, 43 characters. */
const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/

/** An unguessable token for a link; only its hash is stored. */
export function generateToken() {
  return randomBytes(32).toString('base64url')
}

/** Whether a value has exactly the shape of a link token, checked before it is looked up. */
export function isLinkToken(value: unknown): value is string {
  return typeof value === 'string' && LINK_TOKEN.test(value)
}

export function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}
