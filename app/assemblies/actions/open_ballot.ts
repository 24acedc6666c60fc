import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Ballot from '#assemblies/models/ballot'
import Assembly from '#assemblies/models/assembly'
import { publishBallotProgress } from '#assemblies/live'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

/** The chair opens a ballot; the assembly is opened with its first ballot if it was not. */
export class OpenBallot {
  async handle(ballotId: number, actor: Actor) {
    const result = await db.transaction(async (trx) => {
      const ballot = await Ballot.findOrFail(ballotId, { client: trx })
      const assembly = await Assembly.findOrFail(ballot.assemblyId, { client: trx })
      if (assembly.status === 'closed' || ballot.status !== 'draft') {
        return { status: 'not_draft' as const }
      }
      ballot.merge({ status: 'open', openedAt: DateTime.now() })
      await ballot.useTransaction(trx).save()
      if (assembly.status !== 'open') {
        assembly.merge({ status: 'open', openedAt: assembly.openedAt ?? DateTime.now() })
        await assembly.useTransaction(trx).save()
      }
      await recordAuditEvent(trx, actor, {
        module: 'assemblies',
        action: 'ballot.opened',
        details: { assembly: assembly.title, question: ballot.question },
        subject: { type: 'assembly', id: assembly.id },
      })
      return { status: 'opened' as const }
    })
    if (result.status === 'opened') await publishBallotProgress(ballotId)
    return result
  }
}
