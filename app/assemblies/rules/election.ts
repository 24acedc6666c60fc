/**
 * Elections for N seats (bestyrelse, revisor): each organisation may vote for up to
 * N candidates, never twice for the same one. Pure functions for CastVote and for
 * closing the ballot.
 */

/**
 * Why a ballot is refused. There is no 'empty': an empty ballot is a blank vote,
 * which every voter may cast.
 */
export type ElectionBallotError = 'too_many' | 'duplicate' | 'unknown_candidate'

/**
 * Checks one organisation's ballot, or returns null when it may be cast. An empty
 * choice is valid and counts as blank. Fewer votes than seats is valid too.
 * When a ballot is wrong in several ways the first of unknown_candidate, duplicate,
 * too_many is returned, so the same ballot always gets the same message.
 */
export function validateElectionBallot(
  choice: string[],
  seats: number,
  candidates: string[]
): ElectionBallotError | null {
  assertSeats(seats)
  const standing = new Set(candidates)
  if (choice.some((candidate) => !standing.has(candidate))) return 'unknown_candidate'
  if (new Set(choice).size !== choice.length) return 'duplicate'
  if (choice.length > seats) return 'too_many'
  return null
}

export type ElectionResult = {
  /** Votes per candidate, every candidate included, in the order given. */
  votes: Record<string, number>
  /** Elected, by votes then by the order candidates were given; at most `seats`. */
  elected: string[]
  /**
   * Candidates with equal votes competing for the last seat(s) when there are more
   * of them than seats left: none of them is in `elected`, and the seats left
   * (seats − elected.length) must be settled by a new ballot or by lot.
   */
  tiedAtCutoff: string[]
  /** Empty ballots. */
  blank: number
}

/**
 * Counts an election. Every ballot must have passed validateElectionBallot when it
 * was cast; a ballot that does not is a bug, and counting it would change the
 * result, so it throws instead.
 *
 * A candidate needs at least one vote to be elected: seats nobody voted for stay
 * empty rather than going to a candidate with zero votes. Equal votes above the
 * cutoff need no decision, since all of them are elected either way.
 */
export function countElection(
  ballots: string[][],
  seats: number,
  candidates: string[]
): ElectionResult {
  assertSeats(seats)
  const votes: Record<string, number> = Object.fromEntries(candidates.map((c) => [c, 0]))
  let blank = 0
  for (const ballot of ballots) {
    const error = validateElectionBallot(ballot, seats, candidates)
    if (error) throw new Error(`An invalid election ballot reached the count (${error})`)
    if (ballot.length === 0) blank++
    for (const candidate of ballot) votes[candidate]++
  }

  // Array sort is stable, so equal votes keep the order the candidates were given.
  const ranked = candidates.filter((c) => votes[c] > 0).sort((a, b) => votes[b] - votes[a])
  if (ranked.length <= seats) return { votes, elected: ranked, tiedAtCutoff: [], blank }

  const cutoff = votes[ranked[seats - 1]]
  const above = ranked.filter((c) => votes[c] > cutoff)
  const atCutoff = ranked.filter((c) => votes[c] === cutoff)
  if (above.length + atCutoff.length <= seats) {
    return { votes, elected: [...above, ...atCutoff], tiedAtCutoff: [], blank }
  }
  return { votes, elected: above, tiedAtCutoff: atCutoff, blank }
}

function assertSeats(seats: number): void {
  if (!Number.isInteger(seats) || seats < 1) {
    throw new RangeError(`An election needs a whole number of seats, at least 1, got ${seats}`)
  }
}
