import i18nManager from '@adonisjs/i18n/services/main'
import Assembly from '#assemblies/models/assembly'
import type { MinutesContent } from '#assemblies/models/minutes'
import type { RegisterRow } from '#assemblies/documents/assembly_documents'
import { getVotingRegister } from '#assemblies/queries/voting_register'
import { assemblyBlock, associationBlock, motionBlock } from '#assemblies/queries/notice_document'
import { describeResult } from '#assemblies/result_lines'
import { getAssociationSettings } from '#association/queries/get_association_settings'

/** The statement the dirigent gives unless the referent writes another. */
export const DEFAULT_STATEMENT =
  'Dirigenten konstaterede, at generalforsamlingen var lovligt indkaldt og beslutningsdygtig.'

/**
 * The minutes as the assembly's records make them: time and place, who came
 * and with whose proxy, then per item the referent's notes, the motions and
 * every ballot's result, inserted as it was stored at close.
 */
export async function buildMinutesContent(
  assemblyId: number,
  statement: string | null
): Promise<MinutesContent> {
  const i18n = i18nManager.locale('da')
  const settings = await getAssociationSettings()
  const assembly = await Assembly.query()
    .where('id', assemblyId)
    .preload('agendaItems', (items) =>
      items
        .orderBy('position')
        .preload('motions', (motions) =>
          motions.where('status', 'submitted').preload('organisation').orderBy('submitted_at')
        )
        .preload('ballots', (ballots) =>
          ballots.where('status', 'closed').preload('options').orderBy('id')
        )
    )
    .firstOrFail()
  const register = await getVotingRegister(assembly)
  const attendance: RegisterRow[] = register.lines
    .filter((line) => line.attendance?.present || line.proxyTo)
    .map((line) => ({
      organisation: line.organisation.name,
      present: line.attendance?.present ?? false,
      representative: line.attendance?.representative ?? null,
      proxyTo: line.proxyTo?.name ?? null,
      proxiesFrom: line.proxiesFrom.map((giver) => giver.name),
      mayVote: line.right.mayVote,
      reason: line.right.reason ? i18n.t(`assemblies.register.reasons.${line.right.reason}`) : null,
      votes: line.votes,
    }))
  return {
    association: associationBlock(settings),
    assembly: assemblyBlock(assembly),
    openedAt: assembly.openedAt?.toISO() ?? null,
    closedAt: assembly.closedAt?.toISO() ?? null,
    dirigent: assembly.dirigentName,
    referent: assembly.referentName,
    statement: statement ?? DEFAULT_STATEMENT,
    attendance,
    items: assembly.agendaItems.map((item) => ({
      position: item.position,
      title: item.title,
      notes: item.notes,
      motions: item.motions.map(motionBlock),
      ballots: item.ballots.map((ballot) => ({
        question: ballot.question,
        secret: ballot.secret,
        method: ballot.method,
        lines: describeResult(ballot, i18n),
      })),
    })),
  }
}
