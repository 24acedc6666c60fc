import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import AgendaItem from '#assemblies/models/agenda_item'
import Ballot from '#assemblies/models/ballot'
import Minutes from '#assemblies/models/minutes'
import MinutesSignature from '#assemblies/models/minutes_signature'
import Organisation from '#members/models/organisation'
import { CreateAssembly } from '#assemblies/actions/create_assembly'
import { CheckIn } from '#assemblies/actions/check_in'
import { CreateBallot } from '#assemblies/actions/create_ballot'
import { OpenBallot } from '#assemblies/actions/open_ballot'
import { CastVote } from '#assemblies/actions/cast_vote'
import { CloseBallot } from '#assemblies/actions/close_ballot'
import { CloseAssembly } from '#assemblies/actions/close_assembly'
import { SubmitMotion } from '#assemblies/actions/submit_motion'
import { SaveMinutes } from '#assemblies/actions/save_minutes'
import { Actors } from '#audit/actor'
import { sqlTimestamp } from '#shared/sql_time'

const ZONE = 'Europe/Copenhagen'
const FOUNDING = DateTime.fromISO('2021-01-15T19:00', { zone: ZONE })
const DIRIGENT_EMAIL = 'mette.soerensen@example.org'
const REFERENT_EMAIL = 'jens.nielsen@example.org'
const BOARD = ['Anna Holm', 'Bjarne Krogh', 'Camilla Friis', 'Dennis Vang', 'Eva Lund']

/**
 * The founding assembly of 15 January 2021 (online; the seven founders
 * present; statutes adopted and the first board elected by ballot; minutes
 * signed) and an ordinary assembly next spring with two motions. Empty
 * tables only; no mail is sent.
 */
export async function seedDemoAssemblies() {
  const existing = await db.from('assemblies').count('* as total').first()
  if (Number(existing?.total ?? 0) > 0) return false
  const founders = await Organisation.query()
    .where('status', 'active')
    .where('joined_on', '<=', '2021-01-15')
    .orderBy('name')
  if (founders.length === 0) return false
  await seedFoundingAssembly(founders)
  await seedNextAssembly(founders)
  return true
}

async function seedFoundingAssembly(founders: Organisation[]) {
  const board = Actors.system('demo data')
  const assembly = await new CreateAssembly().handle(
    {
      kind: 'ordinary',
      title: 'Stiftende generalforsamling',
      startsAt: FOUNDING.toUTC(),
      place: null,
      meetingUrl: 'https://møde.example.org/social-talks-stiftende',
      motionDeadline: FOUNDING.minus({ days: 7 }),
      requestedBy: null,
    },
    board
  )
  for (const founder of founders) {
    await new CheckIn().handle(
      {
        assemblyId: assembly.id,
        organisationId: founder.id,
        present: true,
        representative: `Delegeret for ${founder.name}`,
        by: 'board',
      },
      board
    )
  }
  const items = await AgendaItem.query().where('assembly_id', assembly.id).orderBy('position')
  const motion = await new SubmitMotion().handle(
    {
      assemblyId: assembly.id,
      organisationId: null,
      title: 'Forslag til vedtægter for Social Talks',
      body: 'Stifterne foreslår vedtægter for foreningen Social Talks: formål, medlemskab for organisationer, kontingent, generalforsamling, bestyrelse, regnskab og opløsning.',
      changesStatutes: true,
      agendaItemId: items.find((item) => item.title === 'Indkomne forslag')?.id ?? null,
    },
    board
  )
  const motionId = motion.status === 'submitted' ? motion.motion.id : null

  const vote = async (
    itemTitle: string,
    input: Partial<Parameters<CreateBallot['handle']>[1]>,
    choose: (index: number, ballot: Ballot) => Parameters<CastVote['handle']>[0]['choice']
  ) => {
    const item = items.find((candidate) => candidate.title === itemTitle)!
    const created = await new CreateBallot().handle(
      assembly.id,
      {
        agendaItemId: item.id,
        motionId: null,
        question: '',
        kind: 'yes_no',
        secret: false,
        majority: 'simple',
        quorumPercent: null,
        seats: null,
        method: 'electronic',
        options: [],
        ...input,
      } as Parameters<CreateBallot['handle']>[1],
      board
    )
    if (created.status !== 'created') return
    await new OpenBallot().handle(created.ballot.id, board)
    const ballot = await Ballot.query()
      .where('id', created.ballot.id)
      .preload('options')
      .firstOrFail()
    for (const [index, founder] of founders.entries()) {
      await new CastVote().handle({
        ballotId: ballot.id,
        casterId: founder.id,
        forOrganisationId: founder.id,
        choice: choose(index, ballot),
      })
    }
    await new CloseBallot().handle(ballot.id, null, board)
  }

  await vote(
    'Indkomne forslag',
    { question: 'Vedtages vedtægterne?', motionId, majority: 'two_thirds' },
    () => ({ kind: 'yes_no', answer: 'yes' })
  )
  await vote(
    'Valg af bestyrelse',
    {
      question: 'Valg af bestyrelse (5 pladser)',
      kind: 'election',
      secret: true,
      seats: 5,
      options: [...BOARD, 'Frederik Dam'],
    },
    (index, ballot) => ({
      kind: 'election',
      optionIds: ballot.options
        .filter((option) => option.label !== (index < 2 ? 'Eva Lund' : 'Frederik Dam'))
        .slice(0, 5)
        .map((option) => option.id),
    })
  )
  await new CloseAssembly().handle(assembly.id, board)

  const notes: Record<number, string> = {}
  for (const item of items) {
    const text = FOUNDING_NOTES[item.title]
    if (text) notes[item.id] = text
  }
  // The assembly took place in 2021: its times as they were, not as the seed ran.
  const at = (offset: number) => sqlTimestamp(FOUNDING.plus({ minutes: offset }).toUTC())
  await db
    .from('assemblies')
    .where('id', assembly.id)
    .update({
      status: 'closed',
      notice_sent_at: sqlTimestamp(FOUNDING.minus({ days: 21 }).toUTC()),
      opened_at: at(0),
      closed_at: at(125),
    })
  await db
    .from('ballots')
    .where('assembly_id', assembly.id)
    .update({ opened_at: at(40), closed_at: at(55) })
  await db
    .from('attendances')
    .where('assembly_id', assembly.id)
    .update({ checked_in_at: at(-10) })
  // Prepared once the times are as they were, so the minutes print them.
  const saved = await new SaveMinutes().handle(
    assembly.id,
    {
      dirigentName: 'Mette Sørensen',
      dirigentEmail: DIRIGENT_EMAIL,
      referentName: 'Jens Nielsen',
      referentEmail: REFERENT_EMAIL,
      statement:
        'Dirigenten konstaterede, at den stiftende generalforsamling var lovligt indkaldt og beslutningsdygtig med alle syv stiftende organisationer til stede online.',
      notes,
    },
    board
  )
  if (saved.status === 'same_person') return
  const minutes = saved.minutes
  // Signed from their personal links that evening, bound to the version's hash as any signature is.
  for (const [role, name, email, minute] of [
    ['dirigent', 'Mette Sørensen', DIRIGENT_EMAIL, 140],
    ['referent', 'Jens Nielsen', REFERENT_EMAIL, 150],
  ] as const) {
    await MinutesSignature.create({
      minutesId: minutes.id,
      role,
      name,
      signedBy: 'demo data',
      signerEmail: email,
      method: 'link',
      userId: null,
      contentHash: minutes.contentHash,
      signedAt: FOUNDING.plus({ minutes: minute }).toUTC(),
    })
  }
  await Minutes.query()
    .where('id', minutes.id)
    .update({ status: 'signed', locked_at: at(150) })
}

const FOUNDING_NOTES: Record<string, string> = {
  'Valg af dirigent, referent og stemmetællere':
    'Mette Sørensen blev valgt som dirigent og Jens Nielsen som referent, begge uden modkandidater.',
  'Bestyrelsens beretning':
    'Stifterne fortalte, hvordan projektet Social Talks er blevet til en forening, og om planerne for Video Talks, vidensmægleruddannelsen og Lokalt Læringsløft.',
  'Indkomne forslag':
    'Forslaget til vedtægter blev gennemgået paragraf for paragraf og vedtaget uden ændringer.',
  'Budget og fastsættelse af kontingent':
    'Kontingentet for 2021 blev fastsat efter organisationens størrelse, som bestyrelsen foreslog.',
  'Valg af bestyrelse': 'Der blev valgt fem medlemmer til bestyrelsen ved skriftlig afstemning.',
  'Eventuelt':
    'Der blev opfordret til at invitere kommuner, regioner og forskningsinstitutioner med.',
}

async function seedNextAssembly(founders: Organisation[]) {
  const board = Actors.system('demo data')
  const spring = DateTime.now()
    .setZone(ZONE)
    .plus({ years: 1 })
    .set({ month: 4, day: 20, hour: 19, minute: 0, second: 0, millisecond: 0 })
  const assembly = await new CreateAssembly().handle(
    {
      kind: 'ordinary',
      title: `Ordinær generalforsamling ${spring.year}`,
      startsAt: spring.toUTC(),
      place: 'Social Talks, Vesterbrogade 1, 1620 København V',
      meetingUrl: 'https://møde.example.org/social-talks-gf',
      motionDeadline: null,
      requestedBy: null,
    },
    board
  )
  const member = founders.find((founder) => founder.name === 'Metodecentret') ?? founders[0]
  await new SubmitMotion().handle(
    {
      assemblyId: assembly.id,
      organisationId: member.id,
      title: 'Nedsat kontingent for nye, små organisationer det første år',
      body: 'Vi foreslår, at organisationer med under fem ansatte betaler halvt kontingent det første medlemsår, så flere små organisationer kan komme med.',
      changesStatutes: false,
      agendaItemId: null,
    },
    Actors.system(`demo data (${member.name})`)
  )
  await new SubmitMotion().handle(
    {
      assemblyId: assembly.id,
      organisationId: null,
      title: 'Vedtægtsændring: fuldmagter',
      body: 'Bestyrelsen foreslår, at hver fremmødt organisation fremover kan have op til to fuldmagter i stedet for én.',
      changesStatutes: true,
      agendaItemId: null,
    },
    board
  )
}
