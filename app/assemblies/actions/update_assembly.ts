import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import { statutoryMotionDeadline, type AssemblyInput } from '#assemblies/actions/create_assembly'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { diffFields, recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

/** Time, place and deadline can change until the assembly opens; the kind cannot. */
export class UpdateAssembly {
  async handle(assemblyId: number, input: Omit<AssemblyInput, 'kind'>, actor: Actor) {
    const settings = await getAssociationSettings()
    // An empty deadline follows the statutes, from the (possibly new) date.
    const motionDeadline =
      input.motionDeadline ?? statutoryMotionDeadline(input.startsAt, settings.motionDeadlineDays)
    return db.transaction(async (trx) => {
      const assembly = await Assembly.findOrFail(assemblyId, { client: trx })
      if (assembly.status === 'open' || assembly.status === 'closed') {
        return { status: 'locked' as const }
      }
      const changes = diffFields(
        {
          title: assembly.title,
          startsAt: assembly.startsAt.toUTC().toISO(),
          place: assembly.place,
          meetingUrl: assembly.meetingUrl,
          motionDeadline: assembly.motionDeadline?.toISODate() ?? null,
          requestedBy: assembly.requestedBy,
        },
        {
          title: input.title,
          startsAt: input.startsAt.toUTC().toISO(),
          place: input.place,
          meetingUrl: input.meetingUrl,
          motionDeadline: motionDeadline.toISODate(),
          requestedBy: input.requestedBy,
        }
      )
      if (!changes) return { status: 'unchanged' as const }
      assembly.merge({ ...input, motionDeadline })
      await assembly.useTransaction(trx).save()
      await recordAuditEvent(trx, actor, {
        module: 'assemblies',
        action: 'assembly.updated',
        details: { title: assembly.title },
        subject: { type: 'assembly', id: assembly.id },
        changes,
      })
      return { status: 'updated' as const }
    })
  }
}
