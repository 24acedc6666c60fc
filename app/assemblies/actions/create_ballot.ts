import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import AgendaItem from '#assemblies/models/agenda_item'
import Ballot, { type BallotKind } from '#assemblies/models/ballot'
import BallotOption from '#assemblies/models/ballot_option'
import Motion from '#assemblies/models/motion'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

export type BallotInput = {
  agendaItemId: number
  motionId: number | null
  question: string
  kind: BallotKind
  secret: boolean
  majority: 'simple' | 'two_thirds'
  quorumPercent: number | null
  seats: number | null
  method: 'electronic' | 'show_of_hands'
  options: string[]
}

export type CreateBallotResult =
  | { status: 'created'; ballot: Ballot }
  | { status: 'closed' | 'needs_options' | 'needs_seats' | 'not_on_agenda' }

/**
 * Puts a question to the vote under an agenda item. A motion that changes
 * the statutes gets the qualified majority whatever was chosen.
 */
export class CreateBallot {
  async handle(assemblyId: number, input: BallotInput, actor: Actor): Promise<CreateBallotResult> {
    return db.transaction(async (trx): Promise<CreateBallotResult> => {
      const assembly = await Assembly.findOrFail(assemblyId, { client: trx })
      if (assembly.status === 'closed') return { status: 'closed' }
      const item = await AgendaItem.query({ client: trx })
        .where('id', input.agendaItemId)
        .where('assembly_id', assembly.id)
        .first()
      if (!item) return { status: 'not_on_agenda' }
      const options = input.options.map((option) => option.trim()).filter(Boolean)
      if (input.kind !== 'yes_no' && options.length < 2) return { status: 'needs_options' }
      if (input.kind === 'election' && !(input.seats && input.seats >= 1)) {
        return { status: 'needs_seats' }
      }
      const motion = input.motionId
        ? await Motion.query({ client: trx })
            .where('id', input.motionId)
            .where('assembly_id', assembly.id)
            .first()
        : null
      const ballot = await Ballot.create(
        {
          assemblyId: assembly.id,
          agendaItemId: item.id,
          motionId: motion?.id ?? null,
          question: input.question,
          kind: input.kind,
          secret: input.secret,
          majority: motion?.changesStatutes ? 'two_thirds' : input.majority,
          quorumPercent: input.quorumPercent,
          seats: input.kind === 'election' ? input.seats : null,
          method: input.method,
          status: 'draft',
          result: null,
        },
        { client: trx }
      )
      if (input.kind !== 'yes_no') {
        await BallotOption.createMany(
          options.map((label, index) => ({ ballotId: ballot.id, position: index + 1, label })),
          { client: trx }
        )
      }
      await recordAuditEvent(trx, actor, {
        module: 'assemblies',
        action: 'ballot.created',
        details: { assembly: assembly.title, question: ballot.question },
        subject: { type: 'assembly', id: assembly.id },
      })
      return { status: 'created', ballot }
    })
  }
}
