import type { ApiRequest } from '@japa/api-client'
import { DateTime } from 'luxon'
import type Assembly from '#assemblies/models/assembly'
import AgendaItem from '#assemblies/models/agenda_item'
import Ballot from '#assemblies/models/ballot'
import { CreateAssembly } from '#assemblies/actions/create_assembly'
import { issueAssemblyLink } from '#assemblies/links'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { board } from '#tests/helpers/assemblies'

/*
 * Shared set-up for the assemblies functional tests: an assembly planned a
 * number of days ahead, an organisation's personal link as a path, the
 * agenda as the database holds it.
 */

/** The form the board posts to plan an ordinary assembly. */
export const ASSEMBLY_FORM = {
  kind: 'ordinary',
  title: 'Ordinær generalforsamling 2027',
  starts_at: '2027-04-14T19:00',
  place: 'Foreningshuset, Vesterbrogade 1',
}

/** The statutes' defaults, made explicit, and dues left out unless a test is about them. */
export async function statutes(changes: Record<string, unknown> = {}) {
  const settings = await getAssociationSettings()
  settings.merge({
    noticeDays: 14,
    motionDeadlineDays: 7,
    proxiesPerOrganisation: 1,
    unpaidDuesRemoveVotingRight: false,
    duesGraceMonths: 0,
    ...changes,
  })
  await settings.save()
  return settings
}

/** An ordinary assembly at 19:00 Danish time the given number of days from today. */
export async function plannedAssembly(daysAhead = 21, title = 'Ordinær generalforsamling 2026') {
  return new CreateAssembly().handle(
    {
      kind: 'ordinary',
      title,
      startsAt: DateTime.now()
        .setZone('Europe/Copenhagen')
        .plus({ days: daysAhead })
        .set({ hour: 19, minute: 0, second: 0, millisecond: 0 })
        .toUTC(),
      place: 'Foreningshuset, Vesterbrogade 1',
      meetingUrl: null,
      motionDeadline: null,
      requestedBy: null,
    },
    board
  )
}

/** The path of an organisation's personal link to the assembly (/gf/<token>). */
export async function linkPath(assembly: Assembly | number, organisationId: number) {
  const id = typeof assembly === 'number' ? assembly : assembly.id
  return new URL(await issueAssemblyLink(id, organisationId)).pathname
}

export async function agendaOf(assemblyId: number) {
  return AgendaItem.query().where('assembly_id', assemblyId).orderBy('position')
}

/** The newest ballot of an assembly, with its options. */
export async function latestBallot(assemblyId: number) {
  return Ballot.query()
    .where('assembly_id', assemblyId)
    .orderBy('id', 'desc')
    .preload('options')
    .firstOrFail()
}

/** PDF responses are read as bytes; superagent leaves unknown types unread. */
export function asBytes<T extends ApiRequest>(request: T): T {
  request.request.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = []
    response.on('data', (chunk: Buffer) => chunks.push(chunk))
    response.on('end', () => done(null, Buffer.concat(chunks)))
  })
  return request
}

/** PDF.js may split or join runs on one line; the words are what a reader sees. */
export function words(text: string) {
  return text.replace(/\s+/g, ' ')
}
