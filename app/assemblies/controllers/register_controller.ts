import type { HttpContext } from '@adonisjs/core/http'
import Assembly from '#assemblies/models/assembly'
import AssemblyPolicy from '#assemblies/policies/assembly_policy'
import { attendanceValidator, proxyValidator } from '#assemblies/validators/assemblies'
import { getVotingRegister } from '#assemblies/queries/voting_register'
import { CheckIn } from '#assemblies/actions/check_in'
import { GiveProxy } from '#assemblies/actions/give_proxy'
import { staffActor } from '#audit/request_actor'
import { liveChannel } from '#assemblies/live'
import { DateTime } from 'luxon'
import { renderVotingRegisterPdf } from '#assemblies/documents/voting_register_pdf'
import { assemblyBlock, associationBlock } from '#assemblies/queries/notice_document'
import { getAssociationSettings } from '#association/queries/get_association_settings'

/** The voting register: who is here, by whom, with whose proxy, and who may vote. */
export default class RegisterController {
  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('view')
    const assembly = await Assembly.findOrFail(params.id)
    return view.render('assemblies/register', {
      assembly,
      register: await getVotingRegister(assembly),
      channel: liveChannel(assembly.id),
    })
  }

  async pdf({ params, response, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('view')
    const assembly = await Assembly.findOrFail(params.id)
    const register = await getVotingRegister(assembly)
    const settings = await getAssociationSettings()
    const pdf = await renderVotingRegisterPdf({
      association: associationBlock(settings),
      assembly: assemblyBlock(assembly),
      rows: register.lines.map((line) => ({
        organisation: line.organisation.name,
        present: line.attendance?.present ?? false,
        representative: line.attendance?.representative ?? null,
        proxyTo: line.proxyTo?.name ?? null,
        proxiesFrom: line.proxiesFrom.map((giver) => giver.name),
        mayVote: line.right.mayVote,
        reason: line.right.reason
          ? i18n.t(`assemblies.register.reasons.${line.right.reason}`)
          : null,
        votes: line.votes,
      })),
      totals: register.totals,
      frozenAt: register.frozenAt?.toISO() ?? null,
      printedAt: DateTime.now().toISO()!,
    })
    response.header('content-type', 'application/pdf')
    response.header('content-disposition', 'inline; filename="stemmeliste.pdf"')
    return response.send(pdf)
  }

  async checkIn({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    const input = await request.validateUsing(attendanceValidator)
    const result = await new CheckIn().handle(
      {
        assemblyId: Number(params.id),
        organisationId: input.organisation_id,
        present: input.present,
        representative: input.representative ?? null,
        by: 'board',
      },
      staffActor({ auth, request })
    )
    session.flash(
      result.status === 'checked_in' || result.status === 'checked_out' ? 'success' : 'error',
      i18n.t(`assemblies.register.${result.status}`)
    )
    return response.redirect().toRoute('register.show', { id: params.id })
  }

  async proxy({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    const input = await request.validateUsing(proxyValidator)
    const result = await new GiveProxy().handle(
      { assemblyId: Number(params.id), giverId: input.giver_id, holderId: input.holder_id ?? null },
      staffActor({ auth, request })
    )
    if (result.status === 'refused') {
      // The row shows the holder that was chosen, with why it was refused, not the one on record.
      session.flashAll()
      session.flash('inputErrorsBag', { holder_id: [i18n.t(`assemblies.proxy.${result.reason}`)] })
    } else {
      session.flash(
        result.status === 'closed' ? 'error' : 'success',
        i18n.t(`assemblies.proxy.${result.status}`)
      )
    }
    return response.redirect().toRoute('register.show', { id: params.id })
  }
}
