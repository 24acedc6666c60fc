import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Assembly, { type AssemblyKind } from '#assemblies/models/assembly'
import AgendaItem from '#assemblies/models/agenda_item'
import { standardAgenda } from '#assemblies/standard_agenda'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { DANISH_ZONE } from '#shared/danish_time'

export type AssemblyInput = {
  kind: AssemblyKind
  title: string
  startsAt: DateTime
  place: string | null
  meetingUrl: string | null
  motionDeadline: DateTime | null
  requestedBy: string | null
}

/**
 * Plans an assembly with the standard agenda proposed. The motion deadline
 * follows the statutes unless the board sets another.
 */
export class CreateAssembly {
  async handle(input: AssemblyInput, actor: Actor) {
    const settings = await getAssociationSettings()
    const motionDeadline =
      input.motionDeadline ?? statutoryMotionDeadline(input.startsAt, settings.motionDeadlineDays)
    return db.transaction(async (trx) => {
      const assembly = await Assembly.create(
        { ...input, motionDeadline, status: 'planned', noticeLate: false, createdBy: actor.label },
        { client: trx }
      )
      await AgendaItem.createMany(
        standardAgenda(input.kind).map((title, index) => ({
          assemblyId: assembly.id,
          position: index + 1,
          title,
        })),
        { client: trx }
      )
      await recordAuditEvent(trx, actor, {
        module: 'assemblies',
        action: 'assembly.created',
        details: { title: assembly.title },
        subject: { type: 'assembly', id: assembly.id },
      })
      return assembly
    })
  }
}

/** The last day for motions when the board sets none: the statutes' days before the meeting day. */
export function statutoryMotionDeadline(startsAt: DateTime, days: number) {
  return startsAt.setZone(DANISH_ZONE).startOf('day').minus({ days })
}
