/**
 * The voting register (stemmeliste): who may vote, who holds whose proxy, how many
 * votes each organisation casts and how many members the assembly represents.
 * Pure functions; the actions read the register and the statutes settings.
 */

/** Organisation.id */
export type OrganisationId = number

export type VotingRight = { mayVote: boolean; reason: null | 'not_active' | 'dues_unpaid' }

/**
 * One vote per member organisation, for active members only and, when the statutes
 * say so, only when the year's dues are paid. Any grace period (some statutes allow
 * two months) is the caller's to apply when it works out `duesPaid`.
 */
export function votingRight(member: {
  status: string
  duesPaid: boolean
  duesRequired: boolean
}): VotingRight {
  if (member.status !== 'active') return { mayVote: false, reason: 'not_active' }
  if (member.duesRequired && !member.duesPaid) return { mayVote: false, reason: 'dues_unpaid' }
  return { mayVote: true, reason: null }
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
