import type { HttpContext } from '@adonisjs/core/http'
import type Contact from '#members/models/contact'
import Assembly from '#assemblies/models/assembly'
import Minutes from '#assemblies/models/minutes'
import { motionValidator } from '#assemblies/validators/assemblies'
import { SubmitMotion } from '#assemblies/actions/submit_motion'
import { sendMinutesPdf } from '#assemblies/controllers/minutes_controller'
import { memberActor } from '#members/portal_access'
import { nextAssemblyForMember } from '#assemblies/queries/next_assembly_for_member'
import { danishToday } from '#shared/danish_time'
import { requestOrigin } from '#audit/request_actor'

/** In the member portal: coming assemblies with a motion form, and signed minutes. */
export default class PortalAssembliesController {
  async index({ view, auth }: HttpContext) {
    const me = auth.use('member').getUserOrFail() as Contact
    const assemblies = await Assembly.query()
      .whereNot('status', 'planned')
      .orderBy('starts_at', 'desc')
      .preload('motions', (motions) => motions.where('organisation_id', me.organisationId))
    const signed = await Minutes.query()
      .where('status', 'signed')
      .whereIn(
        'assembly_id',
        assemblies.map((assembly) => assembly.id)
      )
      .select('assembly_id')
    const withMinutes = new Set(signed.map((row) => row.assemblyId))
    const today = danishToday()
    return view.render('portal/assemblies', {
      me,
      organisation: me.organisation,
      next: await nextAssemblyForMember(me.organisationId),
      rows: assemblies.map((assembly) => ({
        assembly,
        minutes: withMinutes.has(assembly.id),
        motionsOpen:
          assembly.status === 'notice_sent' &&
          (!assembly.motionDeadline || today <= assembly.motionDeadline),
      })),
    })
  }

  async submitMotion({ params, request, response, session, auth, i18n }: HttpContext) {
    const me = auth.use('member').getUserOrFail() as Contact
    const assembly = await Assembly.query()
      .where('id', params.id)
      .whereNot('status', 'planned')
      .firstOrFail()
    const input = await request.validateUsing(motionValidator)
    const result = await new SubmitMotion().handle(
      {
        assemblyId: assembly.id,
        organisationId: me.organisationId,
        title: input.title,
        body: input.body,
        changesStatutes: input.changes_statutes ?? false,
        agendaItemId: null,
      },
      memberActor(me, me.organisation, requestOrigin(request))
    )
    session.flash(
      result.status === 'submitted' ? 'success' : 'error',
      i18n.t(`assemblies.motions.${result.status}`)
    )
    return response.redirect().toPath('/medlem/generalforsamlinger')
  }

  async minutesPdf({ params, response }: HttpContext) {
    const minutes = await Minutes.query()
      .where('assembly_id', params.id)
      .where('status', 'signed')
      .orderBy('version', 'desc')
      .preload('signatures')
      .firstOrFail()
    return sendMinutesPdf(response, minutes)
  }
}
