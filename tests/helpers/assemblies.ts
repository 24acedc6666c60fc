import { DateTime } from 'luxon'
import type Assembly from '#assemblies/models/assembly'
import AgendaItem from '#assemblies/models/agenda_item'
import { CreateAssembly } from '#assemblies/actions/create_assembly'
import { CheckIn } from '#assemblies/actions/check_in'
import { CreateBallot, type BallotInput } from '#assemblies/actions/create_ballot'
import { OpenBallot } from '#assemblies/actions/open_ballot'
import { OrganisationFactory } from '#database/factories/organisation_factory'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { Actors } from '#audit/actor'

export const board = Actors.system('test board')

/** An assembly a week ahead with active members, those given present checked in. */
export async function assemblyWithMembers(options: { members?: number; present?: number } = {}) {
  const settings = await getAssociationSettings()
  // Dues are not what these tests are about.
  settings.unpaidDuesRemoveVotingRight = false
  await settings.save()
  const assembly = await new CreateAssembly().handle(
    {
      kind: 'ordinary',
      title: 'Ordinær generalforsamling',
      startsAt: DateTime.now().plus({ days: 21 }),
      place: 'Online',
      meetingUrl: 'https://møde.example.org/gf',
      motionDeadline: null,
      requestedBy: null,
    },
    board
  )
  // Short names: long random ones wrap inside a PDF's table cells, and tests read them back.
  const count = options.members ?? 3
  const organisations = await OrganisationFactory.merge(
    Array.from({ length: count }, (_, index) => ({ name: `Forening ${index + 1}` }))
  ).createMany(count)
  for (const organisation of organisations.slice(0, options.present ?? organisations.length)) {
    await new CheckIn().handle(
      {
        assemblyId: assembly.id,
        organisationId: organisation.id,
        present: true,
        representative: 'Delegeret',
        by: 'board',
      },
      board
    )
  }
  return { assembly, organisations }
}

/** An open ballot under the assembly's first agenda item. */
export async function openBallot(assembly: Assembly, input: Partial<BallotInput> = {}) {
  const item = await AgendaItem.query()
    .where('assembly_id', assembly.id)
    .orderBy('position')
    .firstOrFail()
  const created = await new CreateBallot().handle(
    assembly.id,
    {
      agendaItemId: item.id,
      motionId: null,
      question: 'Godkendes regnskabet?',
      kind: 'yes_no',
      secret: false,
      majority: 'simple',
      quorumPercent: null,
      seats: null,
      method: 'electronic',
      options: [],
      ...input,
    },
    board
  )
  if (created.status !== 'created') throw new Error(created.status)
  await new OpenBallot().handle(created.ballot.id, board)
  return created.ballot
}
