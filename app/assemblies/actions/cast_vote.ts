import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import Ballot from '#assemblies/models/ballot'
import { getRegisterLine } from '#assemblies/queries/voting_register'
import { validateElectionBallot } from '#assemblies/rules/election'
import { isUniqueViolation } from '#shared/database_constraints'
import { supportsRowLocks } from '#shared/row_locks'
import { publishBallotProgress } from '#assemblies/live'

export type VoteChoice =
  | { kind: 'yes_no'; answer: 'yes' | 'no' | 'blank' }
  | { kind: 'choice'; optionId: number | null }
  | { kind: 'election'; optionIds: number[] }

export type CastVoteResult = {
  status:
    | 'recorded'
    | 'not_open'
    | 'show_of_hands'
    | 'not_present'
    | 'no_voting_right'
    | 'not_yours'
    | 'invalid_choice'
    | 'already_voted'
}

/**
 * One organisation's vote, cast by its own delegate or by the present
 * organisation holding its proxy. Who voted and what they chose are written
 * apart; in a secret ballot the vote carries no organisation, no time and a
 * random key. A second vote for the same organisation fails on the unique
 * key of the voters' list, however many arrive at once.
 */
export class CastVote {
  /**
   * `loaded` is the ballot (with its options) and assembly the caller has
   * already read, so a burst of votes does not read them twice each; the
   * ballot being open is checked again under a lock when the vote is written.
   */
  async handle(
    input: {
      ballotId: number
      casterId: number
      forOrganisationId: number
      choice: VoteChoice
    },
    loaded: { ballot?: Ballot; assembly?: Assembly } = {}
  ): Promise<CastVoteResult> {
    const ballot =
      loaded.ballot?.id === input.ballotId && loaded.ballot.options
        ? loaded.ballot
        : await Ballot.query().where('id', input.ballotId).preload('options').firstOrFail()
    if (ballot.status !== 'open') return { status: 'not_open' }
    if (ballot.method !== 'electronic') return { status: 'show_of_hands' }
    const assembly =
      loaded.assembly?.id === ballot.assemblyId
        ? loaded.assembly
        : await Assembly.findOrFail(ballot.assemblyId)
    const caster = await getRegisterLine(assembly, input.casterId)
    if (!caster?.attendance?.present) return { status: 'not_present' }
    if (!caster.right.mayVote) return { status: 'no_voting_right' }
    const mayCastFor =
      input.forOrganisationId === caster.organisation.id ||
      caster.proxiesFrom.some((giver) => giver.id === input.forOrganisationId)
    if (!mayCastFor) return { status: 'not_yours' }

    const encoded = encodeChoice(ballot, input.choice)
    if (encoded === null) return { status: 'invalid_choice' }
    try {
      await db.transaction(async (trx) => {
        // A shared lock: votes go in side by side, and closing the ballot waits for them.
        const current = trx.from('ballots').where('id', ballot.id).select('status')
        if (supportsRowLocks(trx)) current.forShare()
        const row = await current.first()
        if (row?.status !== 'open') throw new BallotClosedMeanwhile()
        await trx.table('ballot_voters').insert({
          ballot_id: ballot.id,
          organisation_id: input.forOrganisationId,
          cast_by_organisation_id: caster.organisation.id,
        })
        await trx.table('votes').insert({
          id: randomUUID(),
          ballot_id: ballot.id,
          choice: encoded,
          organisation_id: ballot.secret ? null : input.forOrganisationId,
        })
      })
    } catch (error) {
      if (error instanceof BallotClosedMeanwhile) return { status: 'not_open' }
      if (isUniqueViolation(error)) return { status: 'already_voted' }
      throw error
    }
    await publishBallotProgress(ballot.id)
    return { status: 'recorded' }
  }
}

class BallotClosedMeanwhile extends Error {}

/** The stored form of a choice, or null when it is not a valid one for this ballot. */
function encodeChoice(ballot: Ballot, choice: VoteChoice): string | null {
  if (choice.kind !== ballot.kind) return null
  const optionIds = ballot.options.map((option) => String(option.id))
  if (choice.kind === 'yes_no') return choice.answer
  if (choice.kind === 'choice') {
    if (choice.optionId === null) return 'blank'
    return optionIds.includes(String(choice.optionId)) ? String(choice.optionId) : null
  }
  const picked = choice.optionIds.map(String)
  if (validateElectionBallot(picked, ballot.seats ?? 1, optionIds)) return null
  return JSON.stringify([...picked].sort())
}
