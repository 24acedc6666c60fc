import { createHash } from 'node:crypto'
import type { MinutesContent } from '#assemblies/models/minutes'

/**
 * What a signature of the minutes covers: one version of one assembly's
 * minutes, its text, attendance and results, written out in one canonical
 * form. The same bytes are embedded in the PDF, so anyone holding the PDF
 * can hash them and compare with the hash printed beside the signatures.
 */
export type SignedMinutes = { assemblyId: number; version: number; content: MinutesContent }

const FORMAT = 'kreds-referat/1'

/**
 * JSON with the keys of every object in sorted order and no spacing, so the
 * same content always gives the same text, whichever order the database or
 * the code put the keys in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map((entry) => canonicalJson(entry)).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`
}

/** The exact text a signer signs. */
export function signedMinutesText(minutes: SignedMinutes): string {
  return canonicalJson({
    format: FORMAT,
    assembly: minutes.assemblyId,
    version: minutes.version,
    content: minutes.content,
  })
}

/** SHA-256 of the signed text, in lower-case hex. */
export function minutesDigest(minutes: SignedMinutes): string {
  return createHash('sha256').update(signedMinutesText(minutes), 'utf8').digest('hex')
}

/** Whether two preparations of the minutes say the same thing. */
export function sameMinutesContent(a: MinutesContent, b: MinutesContent) {
  return canonicalJson(a) === canonicalJson(b)
}
