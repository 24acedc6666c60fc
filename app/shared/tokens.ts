import { createHash, randomBytes } from 'node:crypto'

/** An unguessable token for a link; only its hash is stored. */
export function generateToken() {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}
