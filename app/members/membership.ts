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
