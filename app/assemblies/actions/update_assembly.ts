import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import type { AssemblyInput } from '#assemblies/actions/create_assembly'
import { diffFields, recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

/** Time, place and deadline can change until the assembly opens; the kind cannot. */
export class UpdateAssembly {
  async handle(assemblyId: number, input: Omit<AssemblyInput, 'kind'>, actor: Actor) {
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
          // An empty deadline keeps the one there is (see the merge below).
          motionDeadline: (input.motionDeadline ?? assembly.motionDeadline)?.toISODate() ?? null,
          requestedBy: input.requestedBy,
        }
      )
      if (!changes) return { status: 'unchanged' as const }
      assembly.merge({ ...input, motionDeadline: input.motionDeadline ?? assembly.motionDeadline })
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
