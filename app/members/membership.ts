/**
 * Organisation types and the membership lifecycle:
 * applicant → active → resigned | expelled; an application may be rejected;
 * former members (resigned, expelled) and rejected applicants may come back.
 */
export const ORGANISATION_TYPES = [
  'kommune',
  'region',
  'ngo',
  'forskning',
  'fond',
  'virksomhed',
  'andet',
] as const
export type OrganisationType = (typeof ORGANISATION_TYPES)[number]

/** Public bodies are invoiced electronically and so need an EAN. */
export const TYPES_REQUIRING_EAN: readonly OrganisationType[] = ['kommune', 'region']

export const MEMBERSHIP_STATUSES = [
  'applicant',
  'active',
  'resigned',
  'expelled',
  'rejected',
] as const
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number]

const TRANSITIONS: Record<MembershipStatus, readonly MembershipStatus[]> = {
  applicant: ['active', 'rejected'],
  active: ['resigned', 'expelled'],
  resigned: ['applicant', 'active'],
  expelled: ['applicant', 'active'],
  rejected: ['applicant'],
}

export function allowedTransitions(from: MembershipStatus) {
  return TRANSITIONS[from]
}

export function canChangeStatus(from: MembershipStatus, to: MembershipStatus) {
  return TRANSITIONS[from].includes(to)
}

/** Applicants and members hold their name; former members and rejected applicants do not. */
export function holdsName(status: MembershipStatus) {
  return status === 'applicant' || status === 'active'
}

/**
 * Folds a name for comparison: case, accents and spacing do not make two
 * organisations different ("Socialrådgiverforening" = "socialradgiverforening").
 */
export function nameKey(name: string) {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

export type StatusChangeOnRecord = {
  fromStatus: MembershipStatus | null
  toStatus: MembershipStatus
  /** ISO date. */
  changedOn: string
}

/**
 * An organisation's membership status on a past or coming day (ISO date),
 * or null when it did not yet exist. The dated status changes decide: the
 * last one on or before the day, else the status the first later one
 * started from. Without any recorded change (older data), the join and
 * leave dates decide, and an active member with no join date counts as a
 * member all along: the register has nothing to leave it out by, and
 * leaving it out would cost a current member its vote.
 */
export function statusOnDay(
  day: string,
  organisation: { status: MembershipStatus; joinedOn: string | null; leftOn: string | null },
  history: StatusChangeOnRecord[]
): MembershipStatus | null {
  // Stable: changes on the same day keep the order they were recorded in.
  const changes = [...history].sort((a, b) => a.changedOn.localeCompare(b.changedOn))
  const before = changes.filter((change) => change.changedOn <= day)
  if (before.length) return before[before.length - 1].toStatus
  const first = changes[0]
  if (first) {
    // Active before the first recorded change: a member once it had joined.
    if (first.fromStatus === 'active' && organisation.joinedOn && organisation.joinedOn > day)
      return null
    return first.fromStatus
  }
  const joined = organisation.joinedOn
    ? organisation.joinedOn <= day
    : organisation.status === 'active'
  if (!joined) return null
  const left = organisation.leftOn ? organisation.leftOn <= day : organisation.status !== 'active'
  if (!left) return 'active'
  return organisation.status === 'active' ? 'resigned' : organisation.status
}
