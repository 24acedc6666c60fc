import type Ballot from '#assemblies/models/ballot'
import { decideChoice, decideYesNo } from '#assemblies/rules/majority'
import { countElection } from '#assemblies/rules/election'

/** Counts by the stored form of each choice, as the votes table holds them. */
export type Tally = { choices: string[] }

export type HandCounts = {
  yes?: number
  no?: number
  blank?: number
  options?: Record<string, number>
}

/**
 * The stored result of a closed ballot: the counts, and what they decide
 * under the ballot's majority and quorum rule.
 */
export function computeResult(
  ballot: Ballot,
  input: { choices: string[] } | { hands: HandCounts },
  register: { entitled: number; represented: number }
) {
  const optionIds = ballot.options.map((option) => String(option.id))
  const quorum = ballot.quorumPercent ? { share: ballot.quorumPercent / 100 } : null

  if (ballot.kind === 'yes_no') {
    const counts =
      'hands' in input
        ? { yes: input.hands.yes ?? 0, no: input.hands.no ?? 0, blank: input.hands.blank ?? 0 }
        : {
            yes: input.choices.filter((choice) => choice === 'yes').length,
            no: input.choices.filter((choice) => choice === 'no').length,
            blank: input.choices.filter((choice) => choice === 'blank').length,
          }
    return {
      kind: 'yes_no' as const,
      counts,
      ...decideYesNo(counts, { majority: ballot.majority, quorum, ...register }),
      ...register,
    }
  }

  if (ballot.kind === 'choice') {
    const counts: Record<string, number> = Object.fromEntries(optionIds.map((id) => [id, 0]))
    let blank = 0
    if ('hands' in input) {
      for (const id of optionIds) counts[id] = input.hands.options?.[id] ?? 0
      blank = input.hands.blank ?? 0
    } else {
      for (const choice of input.choices) {
        if (choice in counts) counts[choice]++
        else blank++
      }
    }
    return { kind: 'choice' as const, counts, blank, ...decideChoice(counts, blank), ...register }
  }

  const seats = ballot.seats ?? 1
  if ('hands' in input) {
    // A show of hands in an election gives totals per candidate, not ballots.
    const ballots = optionIds.flatMap((id) =>
      Array.from({ length: input.hands.options?.[id] ?? 0 }, () => [id])
    )
    return {
      kind: 'election' as const,
      seats,
      ...countElection(ballots, seats, optionIds),
      blank: input.hands.blank ?? 0,
      ...register,
    }
  }
  const ballots = input.choices.map((choice) => JSON.parse(choice) as string[])
  return {
    kind: 'election' as const,
    seats,
    ...countElection(ballots, seats, optionIds),
    ...register,
  }
}
