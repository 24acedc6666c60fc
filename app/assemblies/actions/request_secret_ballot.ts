import db from '@adonisjs/lucid/services/db'
import Ballot from '#assemblies/models/ballot'
import Assembly from '#assemblies/models/assembly'
import Attendance from '#assemblies/models/attendance'
import Organisation from '#members/models/organisation'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

export type RequestSecretBallotResult = {
  status: 'made_secret' | 'already_secret' | 'not_draft' | 'not_present'
}

/**
 * The statutes: a written (secret) ballot when any present member asks. A
 * request before the ballot opens makes it secret, and says who asked.
 */
export class RequestSecretBallot {
  async handle(
    input: { ballotId: number; organisationId: number },
    actor: Actor
  ): Promise<RequestSecretBallotResult> {
    return db.transaction(async (trx): Promise<RequestSecretBallotResult> => {
      const ballot = await Ballot.findOrFail(input.ballotId, { client: trx })
      if (ballot.status !== 'draft') return { status: 'not_draft' }
      if (ballot.secret) return { status: 'already_secret' }
      const present = await Attendance.query({ client: trx })
        .where('assembly_id', ballot.assemblyId)
        .where('organisation_id', input.organisationId)
        .where('present', true)
        .first()
      if (!present) return { status: 'not_present' }
      const organisation = await Organisation.findOrFail(input.organisationId, { client: trx })
      const assembly = await Assembly.findOrFail(ballot.assemblyId, { client: trx })
      ballot.merge({ secret: true, secretRequestedBy: organisation.name })
      await ballot.useTransaction(trx).save()
      await recordAuditEvent(trx, actor, {
        module: 'assemblies',
        action: 'ballot.secret_requested',
        details: {
          assembly: assembly.title,
          question: ballot.question,
          organisation: organisation.name,
        },
        subject: { type: 'assembly', id: assembly.id },
      })
      return { status: 'made_secret' }
    })
  }
}
