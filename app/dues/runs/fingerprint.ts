import { createHash } from 'node:crypto'

/**
 * A short digest of a planned run: the confirmation page carries it in its
 * form, and the run is refused when today's plan no longer gives the same,
 * so what runs is exactly what the treasurer read.
 */
export function planFingerprint(parts: unknown) {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
}
