import db from '@adonisjs/lucid/services/db'
import Ballot from '#assemblies/models/ballot'
import Assembly from '#assemblies/models/assembly'
import { computeResult, type HandCounts } from '#assemblies/ballot_result'
import { getVotingRegister } from '#assemblies/queries/voting_register'
import { publishBallotClosed } from '#assemblies/live'
import { eraseOldBallotRows, rewriteSecretBallot } from '#assemblies/secret_ballot_storage'
import { supportsRowLocks } from '#shared/row_locks'
import { sqlTimestamp } from '#shared/sql_time'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

/**
 * The chair closes a ballot. The ballot row is locked first, so a vote
 * still on its way either lands before the count or is refused; then the
 * result is stored, and nothing about the ballot changes again. A secret
 * ballot's votes and voters are then written again, so that no order in the
 * database pairs them (see secret_ballot_storage.ts).
 */
export class CloseBallot {
  async handle(ballotId: number, hands: HandCounts | null, actor: Actor) {
    const ballot = await Ballot.query().where('id', ballotId).preload('options').firstOrFail()
    const assembly = await Assembly.findOrFail(ballot.assemblyId)
    const { totals } = await getVotingRegister(assembly)
    const register = { entitled: totals.entitled, represented: totals.represented }

    const sealed = ballot.secret && ballot.method === 'electronic'
    const outcome = await db.transaction(async (trx) => {
      const locking = trx.from('ballots').where('id', ballot.id).select('status')
      if (supportsRowLocks(trx)) locking.forUpdate()
      const row = await locking.first()
      if (row?.status !== 'open') return { status: 'not_open' as const }
      if (ballot.method === 'show_of_hands' && !hands) return { status: 'needs_counts' as const }
      const votes = await trx.from('votes').where('ballot_id', ballot.id).select('choice')
      const choices = votes.map((vote) => String(vote.choice))
      const result =
        ballot.method === 'show_of_hands'
          ? computeResult(ballot, { hands: hands! }, register)
          : computeResult(ballot, { choices }, register)
      if (sealed) await rewriteSecretBallot(trx, ballot.id)
      await trx
        .from('ballots')
        .where('id', ballot.id)
        .update({
          status: 'closed',
          closed_at: sqlTimestamp(),
          result: JSON.stringify(result),
        })
      await recordAuditEvent(trx, actor, {
        module: 'assemblies',
        action: 'ballot.closed',
        details: { assembly: assembly.title, question: ballot.question },
        subject: { type: 'assembly', id: assembly.id },
      })
      return { status: 'closed' as const, result }
    })
    if (outcome.status !== 'closed') return outcome
    publishBallotClosed(ballot)
    if (sealed) await eraseOldBallotRows()
    return outcome
  }
}
