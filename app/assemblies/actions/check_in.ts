import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import Attendance from '#assemblies/models/attendance'
import Organisation from '#members/models/organisation'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { publishRegisterChanged } from '#assemblies/live'
import { supportsRowLocks } from '#shared/row_locks'

export type CheckInResult = { status: 'checked_in' | 'checked_out' | 'closed' | 'not_a_member' }

/**
 * Marks an organisation present (with who represents it) or absent, by the
 * board or by the delegate's own link. Arriving cancels a proxy it gave.
 */
export class CheckIn {
  async handle(
    input: {
      assemblyId: number
      organisationId: number
      present: boolean
      representative: string | null
      by: 'board' | 'self'
    },
    actor: Actor
  ): Promise<CheckInResult> {
    const result = await db.transaction(async (trx): Promise<CheckInResult> => {
      // The close takes the same lock: a check-in lands before the register is frozen, or not at all.
      const query = Assembly.query({ client: trx }).where('id', input.assemblyId)
      if (supportsRowLocks(trx)) query.forUpdate()
      const assembly = await query.firstOrFail()
      if (assembly.status === 'closed') return { status: 'closed' }
      const organisation = await Organisation.findOrFail(input.organisationId, { client: trx })
      if (organisation.status !== 'active') return { status: 'not_a_member' }
      const attendance =
        (await Attendance.query({ client: trx })
          .where('assembly_id', assembly.id)
          .where('organisation_id', organisation.id)
          .first()) ?? new Attendance()
      attendance.merge({
        assemblyId: assembly.id,
        organisationId: organisation.id,
        present: input.present,
        representative: input.present ? input.representative : null,
        checkedInBy: input.present ? input.by : null,
        checkedInAt: input.present ? DateTime.now() : null,
        proxyToOrganisationId: input.present ? null : (attendance.proxyToOrganisationId ?? null),
      })
      await attendance.useTransaction(trx).save()
      await recordAuditEvent(trx, actor, {
        module: 'assemblies',
        action: input.present ? 'attendance.present' : 'attendance.absent',
        details: {
          assembly: assembly.title,
          organisation: organisation.name,
          representative: input.representative ?? '',
        },
        subject: { type: 'assembly', id: assembly.id },
      })
      return { status: input.present ? 'checked_in' : 'checked_out' }
    })
    if (result.status === 'checked_in' || result.status === 'checked_out') {
      publishRegisterChanged(input.assemblyId)
    }
    return result
  }
}
