import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { DateTime } from 'luxon'
import Assembly from '#assemblies/models/assembly'
import AssemblyPolicy from '#assemblies/policies/assembly_policy'
import {
  agendaItemValidator,
  assemblyValidator,
  motionValidator,
  moveValidator,
} from '#assemblies/validators/assemblies'
import { CreateAssembly, type AssemblyInput } from '#assemblies/actions/create_assembly'
import { UpdateAssembly } from '#assemblies/actions/update_assembly'
import { ChangeAgenda } from '#assemblies/actions/change_agenda'
import { SendNotice } from '#assemblies/actions/send_notice'
import { SubmitMotion } from '#assemblies/actions/submit_motion'
import { getNoticeDocument } from '#assemblies/queries/notice_document'
import { searchAssemblies } from '#assemblies/queries/search_assemblies'
import { renderNoticePdf } from '#assemblies/documents/notice_pdf'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { staffActor } from '#audit/request_actor'
import { confirmedNoticeValidator } from '#assemblies/validators/confirmations'
import type { Infer } from '@vinejs/vine/types'
import { DANISH_ZONE, danishNow } from '#shared/danish_time'

function assemblyInput(input: Infer<typeof assemblyValidator>): AssemblyInput {
  return {
    kind: input.kind,
    title: input.title,
    // Lucid writes a DateTime as its wall-clock time: hand it UTC, as the database keeps.
    startsAt: DateTime.fromISO(input.starts_at, { zone: DANISH_ZONE }).toUTC(),
    place: input.place ?? null,
    meetingUrl: input.meeting_url ?? null,
    motionDeadline: input.motion_deadline ? DateTime.fromJSDate(input.motion_deadline) : null,
    requestedBy: input.requested_by ?? null,
  }
}

/** The board's assemblies: plan one, its agenda and motions, the notice. */
export default class AssembliesController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('view')
    const q = String(request.input('q', '')).trim().slice(0, 100)
    const assemblies = await searchAssemblies(q)
    return view.render('assemblies/index', {
      upcoming: assemblies.filter((assembly) => assembly.status !== 'closed'),
      past: assemblies.filter((assembly) => assembly.status === 'closed'),
      settings: await getAssociationSettings(),
      q,
    })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    return view.render('assemblies/form', {
      assembly: null,
      defaultStart: danishNow().plus({ weeks: 6 }).set({ hour: 19, minute: 0 }),
    })
  }

  async store({ request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    const input = await request.validateUsing(assemblyValidator)
    const assembly = await new CreateAssembly().handle(
      assemblyInput(input),
      staffActor({ auth, request })
    )
    session.flash('success', i18n.t('assemblies.created'))
    return response.redirect().toRoute('assemblies.show', { id: assembly.id })
  }

  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('view')
    const assembly = await Assembly.query()
      .where('id', params.id)
      .preload('agendaItems', (items) =>
        items
          .orderBy('position')
          .preload('motions', (motions) => motions.preload('organisation'))
          .preload('ballots', (ballots) => ballots.preload('options').orderBy('id'))
      )
      .firstOrFail()
    const settings = await getAssociationSettings()
    return view.render('assemblies/show', {
      assembly,
      settings,
      startsAtInput: assembly.startsAt.setZone(DANISH_ZONE).toFormat("yyyy-MM-dd'T'HH:mm"),
    })
  }

  async update({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    const input = await request.validateUsing(assemblyValidator)
    const result = await new UpdateAssembly().handle(
      Number(params.id),
      assemblyInput(input),
      staffActor({ auth, request })
    )
    session.flash(
      result.status === 'locked' ? 'error' : 'success',
      i18n.t(`assemblies.update.${result.status}`)
    )
    return response.redirect().toRoute('assemblies.show', { id: params.id })
  }

  async addAgendaItem(ctx: HttpContext) {
    // The role first: someone without it learns nothing from the validation.
    await ctx.bouncer.with(AssemblyPolicy).authorize('manage')
    const input = await ctx.request.validateUsing(agendaItemValidator)
    return this.changeAgenda(ctx, {
      type: 'add',
      title: input.title,
      description: input.description ?? null,
    })
  }

  async moveAgendaItem(ctx: HttpContext) {
    await ctx.bouncer.with(AssemblyPolicy).authorize('manage')
    const { direction } = await ctx.request.validateUsing(moveValidator)
    return this.changeAgenda(ctx, { type: 'move', itemId: Number(ctx.params.itemId), direction })
  }

  async removeAgendaItem(ctx: HttpContext) {
    return this.changeAgenda(ctx, { type: 'remove', itemId: Number(ctx.params.itemId) })
  }

  async sendNotice({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    const input = await request.validateUsing(confirmedNoticeValidator)
    // Sent only from its confirmation page, which says to whom and whether it was sent before.
    if (input.members === undefined) {
      session.flash('error', i18n.t('confirmations_nl.notice.missing'))
      return response.redirect().toRoute('notice_confirmation.show', { id: params.id })
    }
    const seen = input.seen_sent_at ? DateTime.fromISO(input.seen_sent_at) : null
    const result = await new SendNotice().handle(
      {
        assemblyId: Number(params.id),
        confirmLate: input.confirm_late ?? false,
        seenSentAt: seen?.isValid ? seen : null,
      },
      staffActor({ auth, request })
    )
    if (result.status === 'too_late') {
      session.flash('warning', i18n.t('assemblies.notice.too_late', result))
      return response.redirect().toRoute('notice_confirmation.show', { id: params.id })
    } else if (result.status === 'sent_meanwhile') {
      session.flash('error', i18n.t('confirmations_nl.notice.sent_meanwhile'))
    } else if (result.status === 'not_planned') {
      session.flash('error', i18n.t('assemblies.notice.not_planned'))
    } else {
      session.flash(
        'success',
        i18n.t(result.late ? 'assemblies.notice.sent_late' : 'assemblies.notice.sent', {
          count: result.members,
        })
      )
    }
    return response.redirect().toRoute('assemblies.show', { id: params.id })
  }

  async noticePdf({ params, response, bouncer }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('view')
    const pdf = await renderNoticePdf(await getNoticeDocument(Number(params.id)))
    response.header('content-type', 'application/pdf')
    response.header('content-disposition', 'inline; filename="indkaldelse.pdf"')
    return response.send(pdf)
  }

  async storeMotion({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    const input = await request.validateUsing(motionValidator)
    const result = await new SubmitMotion().handle(
      {
        assemblyId: Number(params.id),
        organisationId: null,
        title: input.title,
        body: input.body,
        changesStatutes: input.changes_statutes ?? false,
        agendaItemId: input.agenda_item_id ?? null,
      },
      staffActor({ auth, request })
    )
    session.flash(
      result.status === 'submitted' ? 'success' : 'error',
      i18n.t(`assemblies.motions.${result.status}`)
    )
    return response.redirect().toRoute('assemblies.show', { id: params.id })
  }

  protected async changeAgenda(
    { params, request, response, session, auth, bouncer, i18n }: HttpContext,
    change: Parameters<ChangeAgenda['handle']>[1]
  ) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    const result = await new ChangeAgenda().handle(
      Number(params.id),
      change,
      staffActor({ auth, request })
    )
    if (result.status !== 'changed') {
      session.flash('error', i18n.t(`assemblies.agenda.${result.status}`))
    }
    return response.redirect().toPath(`${urlFor('assemblies.show', { id: params.id })}#agenda`)
  }
}
