import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import Ballot from '#assemblies/models/ballot'
import AgendaItem from '#assemblies/models/agenda_item'
import { findByAssemblyLink } from '#assemblies/links'
import { getRegisterLine } from '#assemblies/queries/voting_register'
import { selfCheckInValidator, voteValidator } from '#assemblies/validators/assemblies'
import { CheckIn } from '#assemblies/actions/check_in'
import { CastVote, type VoteChoice } from '#assemblies/actions/cast_vote'
import { Actors } from '#audit/actor'
import { RequestSecretBallot } from '#assemblies/actions/request_secret_ballot'
import { publishBallotProgress } from '#assemblies/live'
import type { Infer } from '@vinejs/vine/types'
import type { VotingRight } from '#assemblies/rules/voting_register'

/**
 * /gf/:token — an organisation's personal link, made for a phone: check in,
 * see the agenda, and vote in open ballots for itself and the members
 * whose proxies it holds. An organisation without a vote is told so and
 * why, and is never told it has voted.
 */
export default class DelegateController {
  async show({ params, view, response }: HttpContext) {
    const found = await findByAssemblyLink(params.token)
    if (!found) return response.notFound()
    const { assembly, organisation } = found
    const line = await getRegisterLine(assembly, organisation.id)
    const ballots = await Ballot.query()
      .where('assembly_id', assembly.id)
      .where('status', 'open')
      .where('method', 'electronic')
      .preload('options')
    const upcoming = await Ballot.query()
      .where('assembly_id', assembly.id)
      .where('status', 'draft')
      .orderBy('id')
    // Not on the register at all: it was no member on the assembly's day.
    const right: VotingRight = line?.right ?? { mayVote: false, reason: 'not_member' }
    const present = line?.attendance?.present ?? false
    const represented = line && present && right.mayVote ? [organisation, ...line.proxiesFrom] : []
    const voted = new Set<string>()
    if (ballots.length && represented.length) {
      const rows = await db
        .from('ballot_voters')
        .whereIn(
          'ballot_id',
          ballots.map((ballot) => ballot.id)
        )
        .whereIn(
          'organisation_id',
          represented.map((member) => member.id)
        )
        .select('ballot_id', 'organisation_id')
      for (const row of rows) voted.add(`${row.ballot_id}:${row.organisation_id}`)
    }
    return view.render('assemblies/delegate', {
      token: params.token,
      assembly,
      organisation,
      line,
      right,
      present,
      agenda: await AgendaItem.query().where('assembly_id', assembly.id).orderBy('position'),
      upcoming,
      ballots: ballots.map((ballot) => ({
        ballot,
        pending: represented.filter((member) => !voted.has(`${ballot.id}:${member.id}`)),
      })),
    })
  }

  async checkIn({ params, request, response, session, i18n }: HttpContext) {
    const found = await findByAssemblyLink(params.token)
    if (!found) return response.notFound()
    const { representative } = await request.validateUsing(selfCheckInValidator)
    const result = await new CheckIn().handle(
      {
        assemblyId: found.assembly.id,
        organisationId: found.organisation.id,
        present: true,
        representative,
        by: 'self',
      },
      Actors.system(`${found.organisation.name} (personal link)`)
    )
    session.flash(
      result.status === 'checked_in' ? 'success' : 'error',
      i18n.t(`assemblies.register.${result.status}`)
    )
    return response.redirect().toRoute('delegate.show', { token: params.token })
  }

  /** Any present member may ask for a written ballot before it opens. */
  async requestSecret({ params, response, session, i18n }: HttpContext) {
    const found = await findByAssemblyLink(params.token)
    if (!found) return response.notFound()
    const ballot = await Ballot.query()
      .where('id', params.ballotId)
      .where('assembly_id', found.assembly.id)
      .firstOrFail()
    const result = await new RequestSecretBallot().handle(
      { ballotId: ballot.id, organisationId: found.organisation.id },
      Actors.system(`${found.organisation.name} (personal link)`)
    )
    if (result.status === 'made_secret') await publishBallotProgress(ballot.id)
    session.flash(
      result.status === 'made_secret' ? 'success' : 'error',
      i18n.t(`assemblies.secret.${result.status}`)
    )
    return response.redirect().toRoute('delegate.show', { token: params.token })
  }

  async vote({ params, request, response, session, i18n }: HttpContext) {
    const found = await findByAssemblyLink(params.token)
    if (!found) return response.notFound()
    const ballot = await Ballot.query()
      .where('id', params.ballotId)
      .where('assembly_id', found.assembly.id)
      .preload('options')
      .firstOrFail()
    const input = await request.validateUsing(voteValidator)
    const result = await new CastVote().handle(
      {
        ballotId: ballot.id,
        casterId: found.organisation.id,
        forOrganisationId: input.for_organisation_id,
        choice: choiceFrom(ballot.kind, input),
      },
      { ballot, assembly: found.assembly }
    )
    session.flash(
      result.status === 'recorded' ? 'success' : 'error',
      i18n.t(`assemblies.vote.${result.status}`)
    )
    return response.redirect().toRoute('delegate.show', { token: params.token })
  }
}

function choiceFrom(kind: Ballot['kind'], input: Infer<typeof voteValidator>): VoteChoice {
  if (kind === 'yes_no') return { kind, answer: input.answer ?? 'blank' }
  if (kind === 'choice') {
    const id = Number(input.option_id)
    return { kind, optionId: input.option_id && input.option_id !== 'blank' && id ? id : null }
  }
  return { kind, optionIds: input.candidates ?? [] }
}
