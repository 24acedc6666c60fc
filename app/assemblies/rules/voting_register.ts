/**
 * The voting register (stemmeliste): who may vote, who holds whose proxy, how many
 * votes each organisation casts and how many members the assembly represents.
 * Pure functions; the actions read the register and the statutes settings.
 */

import type { MembershipStatus } from '#members/membership'
import type { DuesStanding } from '#dues/dues_standing'

/** Organisation.id */
export type OrganisationId = number

/**
 * Why a line of the register reads as it does. Shown also when the member
 * votes ("Ja – fritaget"), so every line explains itself; a member that
 * has paid needs no reason.
 */
export type VotingRightReason =
  'not_member' | 'not_active' | 'dues_unpaid' | 'in_grace' | 'not_due' | 'not_invoiced' | 'exempt'

export type VotingRight = { mayVote: boolean; reason: VotingRightReason | null }

/** The statutes settings that decide what the dues do to the vote. */
export type DuesVotingStatutes = {
  unpaidDuesRemoveVotingRight: boolean
  votesWhenNotInvoiced: boolean
  votesWhenDuesNotDue: boolean
}

const DUES_REASON: Record<DuesStanding, VotingRightReason | null> = {
  paid: null,
  exempt: 'exempt',
  not_invoiced: 'not_invoiced',
  not_due: 'not_due',
  in_grace: 'in_grace',
  unpaid: 'dues_unpaid',
}

/**
 * One vote per member organisation, for members active on the assembly's
 * day only, and then as the statutes say of its dues for the year: with
 * unpaid dues not taking the vote every active member votes; otherwise a
 * member that paid, is exempt or is within the grace months votes, one
 * not yet invoiced or not yet due votes as its setting says, and one
 * whose dues are past due does not.
 */
export function votingRight(
  member: { statusOnDay: MembershipStatus | null; dues: DuesStanding },
  statutes: DuesVotingStatutes
): VotingRight {
  if (member.statusOnDay === 'resigned' || member.statusOnDay === 'expelled')
    return { mayVote: false, reason: 'not_active' }
  if (member.statusOnDay !== 'active') return { mayVote: false, reason: 'not_member' }
  const reason = DUES_REASON[member.dues]
  if (!statutes.unpaidDuesRemoveVotingRight) return { mayVote: true, reason }
  const mayVote = {
    paid: true,
    exempt: true,
    in_grace: true,
    not_invoiced: statutes.votesWhenNotInvoiced,
    not_due: statutes.votesWhenDuesNotDue,
    unpaid: false,
  }[member.dues]
  return { mayVote, reason }
}

export type ProxyRefusal =
  | 'same_organisation'
  | 'giver_cannot_vote'
  | 'giver_present'
  | 'already_given'
  | 'holder_absent'
  | 'holder_cannot_vote'
  | 'over_limit'

export type ProxyRequest = {
  giverId: OrganisationId
  holderId: OrganisationId
  giverPresent: boolean
  holderPresent: boolean
  holderMayVote: boolean
  giverMayVote: boolean
  /** Proxies the holder already holds, not counting this one. */
  proxiesHeldByHolder: number
  /** The statutes' cap per attending organisation; 0 means proxies are not allowed. */
  limit: number
  /** The giver already has a proxy out: it must be withdrawn before giving another. */
  giverHasGivenProxy: boolean
}

/**
 * Whether an organisation may give its vote to another by proxy (fuldmagt), or
 * why not. A proxy is a vote handed on, so the giver must have a vote and not be
 * using it itself, and the holder must be there and able to cast it. Statutes that
 * ban proxies have limit 0, which refuses every proxy as 'over_limit'.
 * The checks run in the order of ProxyRefusal, so one request always gets the same answer.
 */
export function checkProxy(request: ProxyRequest): ProxyRefusal | null {
  if (request.giverId === request.holderId) return 'same_organisation'
  if (!request.giverMayVote) return 'giver_cannot_vote'
  if (request.giverPresent) return 'giver_present'
  if (request.giverHasGivenProxy) return 'already_given'
  if (!request.holderPresent) return 'holder_absent'
  if (!request.holderMayVote) return 'holder_cannot_vote'
  if (request.proxiesHeldByHolder >= request.limit) return 'over_limit'
  return null
}

/**
 * The votes an organisation casts in one ballot: its own and one per proxy it
 * holds, but only when it is present and entitled; a proxy lapses with its holder.
 */
export function votesHeld(member: {
  present: boolean
  mayVote: boolean
  proxiesHeld: number
}): number {
  return member.present && member.mayVote ? 1 + member.proxiesHeld : 0
}

export type RegisterEntry = {
  id: OrganisationId
  mayVote: boolean
  present: boolean
  proxyGivenTo: OrganisationId | null
}

/**
 * The numbers a quorum rule needs: members with a voting right, and how many of
 * them are present or represented. An absent member counts as represented only
 * when its proxy is held by a present member that may vote, since only such a
 * holder can cast the vote (the same rule as votesHeld).
 */
export function quorumCount(register: RegisterEntry[]): { entitled: number; represented: number } {
  const byId = new Map(register.map((entry) => [entry.id, entry]))
  const canCast = (id: OrganisationId | null) => {
    const holder = id === null ? undefined : byId.get(id)
    return holder !== undefined && holder.present && holder.mayVote
  }

  const entitled = register.filter((entry) => entry.mayVote)
  const represented = entitled.filter((entry) => entry.present || canCast(entry.proxyGivenTo))
  return { entitled: entitled.length, represented: represented.length }
}
