import transmit from '@adonisjs/transmit/services/main'
import db from '@adonisjs/lucid/services/db'
import Ballot from '#assemblies/models/ballot'
import Assembly from '#assemblies/models/assembly'
import { getVotingRegister, type VotingRegister } from '#assemblies/queries/voting_register'

/** The channel the chair's screen listens on for one assembly. */
export function liveChannel(assemblyId: number) {
  return `assemblies/${assemblyId}/live`
}

/** Ballots whose progress is being published now, and whether newer counts are waiting. */
const publishing = new Map<number, { again: boolean }>()

/**
 * Tells the chair's screen how many votes are in and how many are missing.
 * Only counts: in a secret ballot nothing about who chose what leaves here.
 * When 500 delegates vote within a second, one count follows another
 * rather than 500 each rebuilding the register: a vote that arrives while
 * a count is being made asks for one more count after it, so the last
 * count sent always includes every vote. The assembly and its register
 * (how many votes there are in all) are read once per burst.
 */
export async function publishBallotProgress(ballotId: number) {
  const running = publishing.get(ballotId)
  if (running) {
    running.again = true
    return
  }
  const state = { again: false }
  publishing.set(ballotId, state)
  try {
    let assembly: Assembly | undefined
    let register: VotingRegister | undefined
    do {
      state.again = false
      // The ballot is read each time: it may have closed meanwhile.
      const ballot = await Ballot.findOrFail(ballotId)
      assembly ??= await Assembly.findOrFail(ballot.assemblyId)
      // Who may vote does not change with the votes.
      register ??= await getVotingRegister(assembly)
      const progress = await ballotProgress(ballot, assembly, register)
      transmit.broadcast(liveChannel(assembly.id), {
        ballotId: ballot.id,
        status: ballot.status,
        cast: progress.cast,
        missing: progress.missing,
      })
    } while (state.again)
  } finally {
    publishing.delete(ballotId)
  }
}

export async function ballotProgress(
  ballot: Ballot,
  assembly: Assembly,
  register?: VotingRegister
) {
  const row = await db
    .from('ballot_voters')
    .where('ballot_id', ballot.id)
    .count('* as total')
    .first()
  const cast = Number(row?.total ?? 0)
  const votes = (register ?? (await getVotingRegister(assembly))).totals.votes
  return { cast, missing: Math.max(votes - cast, 0) }
}

/** A ballot has closed: the chair's screen fetches and shows the result. */
export function publishBallotClosed(ballot: Ballot) {
  transmit.broadcast(liveChannel(ballot.assemblyId), { ballotId: ballot.id, status: 'closed' })
}

/** Someone checked in, left, or gave a proxy: the register and the chair's counts change. */
export function publishRegisterChanged(assemblyId: number) {
  transmit.broadcast(liveChannel(assemblyId), { register: true })
}
