import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import Minutes from '#assemblies/models/minutes'
import MinutesSignature, { type SignatureRole } from '#assemblies/models/minutes_signature'
import Organisation from '#members/models/organisation'
import SendMinutesJob from '#assemblies/jobs/send_minutes_job'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { isUniqueViolation } from '#shared/database_constraints'

export type SignMinutesResult = {
  status: 'signed' | 'locked' | 'already_signed' | 'no_draft' | 'no_name'
}

/**
 * The dirigent or the referent signs the current draft, in the name the
 * minutes give them. With both signatures the version is locked and sent
 * to the members.
 */
export class SignMinutes {
  async handle(
    input: { minutesId: number; role: SignatureRole },
    actor: Actor
  ): Promise<SignMinutesResult> {
    let result: SignMinutesResult
    try {
      result = await db.transaction(async (trx): Promise<SignMinutesResult> => {
        const minutes = await Minutes.findOrFail(input.minutesId, { client: trx })
        if (minutes.status !== 'draft') return { status: 'no_draft' }
        const name = input.role === 'dirigent' ? minutes.content.dirigent : minutes.content.referent
        if (!name) return { status: 'no_name' }
        await MinutesSignature.create(
          {
            minutesId: minutes.id,
            role: input.role,
            name,
            signedBy: actor.label,
            signedAt: DateTime.now(),
          },
          { client: trx }
        )
        const signatures = await MinutesSignature.query({ client: trx }).where(
          'minutes_id',
          minutes.id
        )
        const assembly = await Assembly.findOrFail(minutes.assemblyId, { client: trx })
        const complete = signatures.length === 2
        if (complete) {
          minutes.merge({ status: 'signed', lockedAt: DateTime.now() })
          await minutes.useTransaction(trx).save()
        }
        await recordAuditEvent(trx, actor, {
          module: 'assemblies',
          action: 'minutes.signed',
          details: { assembly: assembly.title, version: minutes.version, role: input.role, name },
          subject: { type: 'assembly', id: assembly.id },
        })
        return { status: complete ? 'locked' : 'signed' }
      })
    } catch (error) {
      if (isUniqueViolation(error)) return { status: 'already_signed' }
      throw error
    }
    if (result.status === 'locked') {
      const members = await Organisation.query().where('status', 'active').select('id')
      for (const member of members) {
        await SendMinutesJob.dispatch({ minutesId: input.minutesId, organisationId: member.id })
      }
    }
    return result
  }
}
