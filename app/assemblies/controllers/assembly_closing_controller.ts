import type { HttpContext } from '@adonisjs/core/http'
import Assembly from '#assemblies/models/assembly'
import AssemblyPolicy from '#assemblies/policies/assembly_policy'
import { CloseAssembly } from '#assemblies/actions/close_assembly'
import { getClosingSummary } from '#assemblies/queries/closing_summary'
import { typedConfirmationValidator, typedMatches } from '#shared/validation/typed_confirmation'
import { staffActor } from '#audit/request_actor'

/** The word typed to close: short, and the same whatever the assembly is called. */
const CLOSE_WORD = 'LUK'

/**
 * Closing an assembly cannot be undone, so it goes through a page that says
 * what closing settles (open ballots, attendance, what comes next) and asks
 * for a typed word before the close is carried out.
 */
export default class AssemblyClosingController {
  async show({ params, view, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    const assembly = await Assembly.findOrFail(params.id)
    if (assembly.status === 'closed') {
      session.flash('success', i18n.t('confirmations_nl.close.closed_already'))
      return response.redirect().toRoute('minutes.show', { id: assembly.id })
    }
    return view.render('assemblies/close_confirmation', {
      assembly,
      summary: await getClosingSummary(assembly.id),
    })
  }

  async store({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    const assembly = await Assembly.findOrFail(params.id)
    const { confirmation } = await request.validateUsing(typedConfirmationValidator)
    // Closed already: a second click or a resubmitted form, harmless and said so.
    if (assembly.status !== 'closed' && !typedMatches(confirmation, CLOSE_WORD)) {
      session.flash('inputErrorsBag', {
        confirmation: [i18n.t('confirmations_nl.close.type_wrong')],
      })
      return response.redirect().toRoute('assembly_closing.show', { id: assembly.id })
    }
    const result = await new CloseAssembly().handle(assembly.id, staffActor({ auth, request }))
    if (result.status === 'ballot_open') {
      session.flash('error', i18n.t('assemblies.close.ballot_open'))
      return response.redirect().toRoute('assembly_closing.show', { id: assembly.id })
    }
    session.flash(
      result.status === 'closed' ? 'success' : 'error',
      i18n.t(`assemblies.close.${result.status}`)
    )
    return response.redirect().toRoute('minutes.show', { id: assembly.id })
  }
}
