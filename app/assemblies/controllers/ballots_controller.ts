import type { HttpContext } from '@adonisjs/core/http'
import Assembly from '#assemblies/models/assembly'
import Ballot from '#assemblies/models/ballot'
import AssemblyPolicy from '#assemblies/policies/assembly_policy'
import { ballotValidator, handCountsValidator } from '#assemblies/validators/assemblies'
import { CreateBallot } from '#assemblies/actions/create_ballot'
import { OpenBallot } from '#assemblies/actions/open_ballot'
import { CloseBallot } from '#assemblies/actions/close_ballot'
import { ballotProgress, liveChannel } from '#assemblies/live'
import { describeResult } from '#assemblies/result_lines'
import { staffActor } from '#audit/request_actor'
import { getVotingRegister } from '#assemblies/queries/voting_register'
import { ballotFacts } from '#assemblies/presenters'

/** The chair's side of the ballots: set one up, open it, watch it, close it. */
export default class BallotsController {
  async store({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    const input = await request.validateUsing(ballotValidator)
    const result = await new CreateBallot().handle(
      Number(params.id),
      {
        agendaItemId: input.agenda_item_id,
        motionId: input.motion_id ?? null,
        question: input.question,
        kind: input.kind,
        secret: input.secret ?? false,
        majority: input.majority,
        quorumPercent: input.quorum_percent ?? null,
        seats: input.seats ?? null,
        method: input.method,
        options: (input.options ?? '').split('\n'),
      },
      staffActor({ auth, request })
    )
    session.flash(
      result.status === 'created' ? 'success' : 'error',
      i18n.t(`assemblies.ballots.${result.status}`)
    )
    return response.redirect().toRoute('ballots.chair', { id: params.id })
  }

  /** The chair's screen: every ballot, the open one with live counts. */
  async chair({ params, view, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('view')
    const assembly = await Assembly.query()
      .where('id', params.id)
      .preload('agendaItems', (items) => items.orderBy('position').preload('motions'))
      .preload('ballots', (ballots) => ballots.preload('options').orderBy('id'))
      .firstOrFail()
    // One register for every open ballot on the screen.
    const register = assembly.ballots.some((ballot) => ballot.status === 'open')
      ? await getVotingRegister(assembly)
      : undefined
    const rows = []
    for (const ballot of assembly.ballots) {
      rows.push({
        ballot,
        progress:
          ballot.status === 'open' ? await ballotProgress(ballot, assembly, register) : null,
        lines: ballot.result ? describeResult(ballot, i18n) : [],
      })
    }
    return view.render('assemblies/chair', {
      assembly,
      rows,
      channel: liveChannel(assembly.id),
      ballotFacts: (ballot: Ballot) => ballotFacts(ballot, i18n),
    })
  }

  async open({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    const ballot = await this.ballotOf(params)
    const result = await new OpenBallot().handle(ballot.id, staffActor({ auth, request }))
    if (result.status !== 'opened') session.flash('error', i18n.t('assemblies.ballots.not_draft'))
    return response.redirect().toRoute('ballots.chair', { id: params.id })
  }

  async close({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    const ballot = await this.ballotOf(params)
    const counts =
      ballot.method === 'show_of_hands' ? await request.validateUsing(handCountsValidator) : null
    // A form with no count in it is no count: CloseBallot then asks for one.
    const hands =
      counts && Object.values(counts).some((value) => value !== undefined) ? counts : null
    const result = await new CloseBallot().handle(ballot.id, hands, staffActor({ auth, request }))
    if (result.status !== 'closed')
      session.flash('error', i18n.t(`assemblies.ballots.${result.status}`))
    return response.redirect().toRoute('ballots.chair', { id: params.id })
  }

  /** For the chair's screen when the live stream says a ballot changed. */
  async status({ params, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('view')
    const ballot = await this.ballotOf(params)
    const assembly = await Assembly.findOrFail(ballot.assemblyId)
    return {
      id: ballot.id,
      status: ballot.status,
      secret: ballot.secret,
      ...(ballot.status === 'open' ? await ballotProgress(ballot, assembly) : {}),
      lines: ballot.status === 'closed' ? describeResult(ballot, i18n) : [],
    }
  }

  protected async ballotOf(params: Record<string, string>) {
    return Ballot.query()
      .where('id', params.ballotId)
      .where('assembly_id', params.id)
      .preload('options')
      .firstOrFail()
  }
}
