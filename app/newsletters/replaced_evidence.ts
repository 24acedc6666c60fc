import { DateTime } from 'luxon'
import type Subscription from '#newsletters/models/subscription'
import type { AuditChanges } from '#audit/models/audit_event'

/** The consent evidence a new consent replaces on a row that held an earlier consent or withdrawal. */
const EVIDENCE = [
  'consentTextId',
  'source',
  'requestedAt',
  'confirmedAt',
  'unsubscribedAt',
] as const

export type EvidenceBefore = Record<(typeof EVIDENCE)[number], unknown>

/** What the row holds now, taken before it is given a new consent. */
export function evidenceOf(subscription: Subscription | null): EvidenceBefore | null {
  if (!subscription) return null
  return Object.fromEntries(EVIDENCE.map((field) => [field, subscription[field]])) as EvidenceBefore
}

/**
 * A subscription row holds one consent at a time; the audit log keeps what
 * a new one replaced, so an earlier consent and its withdrawal stay provable.
 */
export function replacedEvidence(before: EvidenceBefore | null, after: Subscription) {
  const changes: AuditChanges = {}
  // A row that was only ever pending held no consent and no withdrawal.
  if (!before || (!before.confirmedAt && !before.unsubscribedAt)) return changes
  const shown = (value: unknown) => (value instanceof DateTime ? value.toISO() : (value ?? null))
  for (const field of EVIDENCE) {
    const [from, to] = [shown(before[field]), shown(after[field])]
    if (from !== to) changes[field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = { from, to }
  }
  return changes
}
