/**
 * How a ballot at a general assembly is decided (vedtægter: majority and quorum).
 * Pure functions: the actions load the counts and the statutes settings and store
 * what these return, so the minutes and the chair's screen say the same thing.
 */

/** Simple majority of votes cast, or 2/3 of votes cast (statute changes, dissolution). */
export type MajorityRule = 'simple' | 'two_thirds'

/**
 * The share of all voting-entitled members that must be present or represented by
 * proxy for the decision to stand (e.g. 0.5 for "half the members"), or null when
 * the statutes ask for no quorum. "Half" is read as "at least half".
 */
export type QuorumRule = { share: number } | null

export type YesNoCounts = { yes: number; no: number; blank: number }

export type YesNoRule = {
  majority: MajorityRule
  quorum: QuorumRule
  /** Members with a voting right (see quorumCount). */
  entitled: number
  /** Entitled members present or represented by proxy (see quorumCount). */
  represented: number
}

export type YesNoResult = {
  outcome: 'adopted' | 'rejected' | 'tie'
  /** yes + no: blank votes are not cast. */
  cast: number
  /** yes / cast, for display only (decisions use integers); null when nothing was cast. */
  yesShare: number | null
  majorityReached: boolean
  /** null when the statutes ask for no quorum. */
  quorumMet: boolean | null
  /**
   * True when the motion had its majority and failed only for want of the quorum:
   * the statutes then let a new assembly within 5 weeks decide without the quorum
   * (by simple majority in the default statutes; the caller picks the rule then).
   */
  mayRetryWithoutQuorum: boolean
}

/**
 * Decides a yes/no ballot.
 *
 * - Simple majority: more yes than no. Equal yes and no is a tie, which is not
 *   adoption; the outcome says 'tie' so the minutes can record it as such.
 * - Two thirds: yes at least 2/3 of votes cast, so exactly 2/3 passes (4 of 6).
 *   Compared as yes*3 >= cast*2 so no float rounding can move the line. A tie has
 *   no special meaning here: it is simply short of 2/3 and the motion is rejected.
 * - Nothing cast (only blanks, or nobody voted): rejected. A motion is adopted by
 *   votes for it, never by default.
 * - A quorum rule that is not met rejects the motion whatever the votes, so the
 *   outcome is 'rejected' (not 'tie') whenever quorumMet is false.
 */
export function decideYesNo(counts: YesNoCounts, rule: YesNoRule): YesNoResult {
  assertCount('yes', counts.yes)
  assertCount('no', counts.no)
  assertCount('blank', counts.blank)
  const cast = counts.yes + counts.no
  const majorityReached = cast > 0 && hasMajority(counts.yes, counts.no, rule.majority)
  const quorumMet = rule.quorum ? meetsQuorum(rule.quorum, rule.entitled, rule.represented) : null

  let outcome: YesNoResult['outcome']
  if (quorumMet === false) outcome = 'rejected'
  else if (majorityReached) outcome = 'adopted'
  else if (rule.majority === 'simple' && cast > 0 && counts.yes === counts.no) outcome = 'tie'
  else outcome = 'rejected'

  return {
    outcome,
    cast,
    yesShare: cast > 0 ? counts.yes / cast : null,
    majorityReached,
    quorumMet,
    mayRetryWithoutQuorum: majorityReached && quorumMet === false,
  }
}

export type ChoiceResult = {
  /** The option(s) with the most votes, in the order the counts list them. */
  winners: string[]
  /** Two or more options share the most votes: the assembly must decide again. */
  tie: boolean
  /** Votes for an option; blank votes are not cast. */
  cast: number
}

/**
 * Decides a choice among options by the most votes (relative majority). With no
 * votes cast there is no winner and no tie. Blank votes are taken so the caller
 * hands over the whole tally, but they never decide the outcome.
 */
export function decideChoice(counts: Record<string, number>, blank: number): ChoiceResult {
  assertCount('blank', blank)
  const options = Object.entries(counts)
  for (const [option, votes] of options) assertCount(option, votes)

  const cast = options.reduce((sum, [, votes]) => sum + votes, 0)
  const top = Math.max(0, ...options.map(([, votes]) => votes))
  const winners = top > 0 ? options.filter(([, votes]) => votes === top).map(([o]) => o) : []
  return { winners, tie: winners.length > 1, cast }
}

function hasMajority(yes: number, no: number, majority: MajorityRule): boolean {
  if (majority === 'simple') return yes > no
  return yes * 3 >= (yes + no) * 2
}

function meetsQuorum(quorum: { share: number }, entitled: number, represented: number): boolean {
  if (!(quorum.share > 0 && quorum.share <= 1)) {
    throw new RangeError(`A quorum share must be above 0 and at most 1, got ${quorum.share}`)
  }
  assertCount('entitled', entitled)
  assertCount('represented', represented)
  // Members are whole: half of 7 means 4. The small allowance keeps a product such
  // as 0.55 × 100 (55.00000000000001 in floating point) from asking for a 56th.
  const needed = Math.ceil(quorum.share * entitled - 1e-9)
  return represented >= needed
}

/** Counts come from the database or a show of hands; anything else is a bug upstream. */
function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number of votes, got ${value}`)
  }
}
