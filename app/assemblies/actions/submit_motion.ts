import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import AgendaItem from '#assemblies/models/agenda_item'
import Motion from '#assemblies/models/motion'
import { MOTIONS_ITEM_TITLE } from '#assemblies/standard_agenda'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { danishToday } from '#shared/danish_time'

export type SubmitMotionResult =
  { status: 'submitted'; motion: Motion } | { status: 'past_deadline' | 'closed' }

/**
 * A motion from a member before the deadline, or from the board at any
 * time, placed under "Indkomne forslag" unless the board chooses an item.
 */
export class SubmitMotion {
  async handle(
    input: {
      assemblyId: number
      organisationId: number | null
      title: string
      body: string
      changesStatutes: boolean
      agendaItemId: number | null
    },
    actor: Actor
  ): Promise<SubmitMotionResult> {
    const assembly = await Assembly.findOrFail(input.assemblyId)
    if (assembly.status === 'closed') return { status: 'closed' }
    const today = danishToday()
    if (input.organisationId && assembly.motionDeadline && today > assembly.motionDeadline) {
      return { status: 'past_deadline' }
    }
    return db.transaction(async (trx) => {
      const items = await AgendaItem.query({ client: trx })
        .where('assembly_id', assembly.id)
        .orderBy('position')
      const item =
        items.find((candidate) => candidate.id === input.agendaItemId) ??
        items.find((candidate) => candidate.title === MOTIONS_ITEM_TITLE) ??
        null
      const motion = await Motion.create(
        {
          assemblyId: assembly.id,
          agendaItemId: item?.id ?? null,
          organisationId: input.organisationId,
          submittedBy: actor.label,
          title: input.title,
          body: input.body,
          changesStatutes: input.changesStatutes,
          status: 'submitted',
          submittedAt: DateTime.now(),
        },
        { client: trx }
      )
      await recordAuditEvent(trx, actor, {
        module: 'assemblies',
        action: 'motion.submitted',
        details: { assembly: assembly.title, motion: motion.title },
        subject: { type: 'assembly', id: assembly.id },
      })
      return { status: 'submitted' as const, motion }
    })
  }
}
