import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import Assembly from '#assemblies/models/assembly'
import Minutes from '#assemblies/models/minutes'
import AssemblyPolicy from '#assemblies/policies/assembly_policy'
import { SaveMinutes } from '#assemblies/actions/save_minutes'
import { SignMinutes } from '#assemblies/actions/sign_minutes'
import { SendSigningLinks, findSigningLink } from '#assemblies/actions/send_signing_links'
import { CloseAssembly } from '#assemblies/actions/close_assembly'
import { minutesDocument } from '#assemblies/queries/minutes_document'
import { renderMinutesPdf } from '#assemblies/documents/minutes_pdf'
import { DEFAULT_STATEMENT } from '#assemblies/queries/minutes_content'
import { Actors } from '#audit/actor'
import { signatureLine } from '#assemblies/presenters'
import type { SignatureRole } from '#assemblies/models/minutes_signature'

const optionalText = (max: number) => vine.string().trim().maxLength(max).optional()

const minutesValidator = vine.create({
  dirigent_name: optionalText(200),
  dirigent_email: vine.string().trim().email().maxLength(254).optional(),
  referent_name: optionalText(200),
  referent_email: vine.string().trim().email().maxLength(254).optional(),
  statement: optionalText(2000),
  notes: vine.record(vine.string().trim().maxLength(20000).nullable()).optional(),
})

const signValidator = vine.create({ role: vine.enum(['dirigent', 'referent'] as const) })

async function latestMinutes(assemblyId: number) {
  return Minutes.query()
    .where('assembly_id', assemblyId)
    .orderBy('version', 'desc')
    .preload('signatures')
    .first()
}

/** The referat: notes, preparation, signatures, versions, PDF. */
export default class MinutesController {
  async show({ params, view, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('view')
    const assembly = await Assembly.query()
      .where('id', params.id)
      .preload('agendaItems', (items) => items.orderBy('position'))
      .firstOrFail()
    const versions = await Minutes.query()
      .where('assembly_id', assembly.id)
      .orderBy('version', 'desc')
      .preload('signatures')
    return view.render('assemblies/minutes', {
      assembly,
      minutes: versions[0] ?? null,
      versions,
      defaultStatement: DEFAULT_STATEMENT,
      signatureLine: (minutes: Minutes, role: SignatureRole) => signatureLine(minutes, role, i18n),
    })
  }

  async save({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    const input = await request.validateUsing(minutesValidator)
    const notes: Record<number, string | null> = {}
    // Keyed 'i12' rather than '12': a numeric key would make the form parser build an array.
    for (const [key, text] of Object.entries(input.notes ?? {}))
      notes[Number(key.slice(1))] = text || null
    const minutes = await new SaveMinutes().handle(
      Number(params.id),
      {
        dirigentName: input.dirigent_name ?? null,
        dirigentEmail: input.dirigent_email ?? null,
        referentName: input.referent_name ?? null,
        referentEmail: input.referent_email ?? null,
        statement: input.statement ?? null,
        notes,
      },
      Actors.user(auth.use('web').getUserOrFail(), request.ip())
    )
    session.flash('success', i18n.t('assemblies.minutes.saved', { version: minutes.version }))
    return response.redirect().toRoute('minutes.show', { id: params.id })
  }

  async sign({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    const { role } = await request.validateUsing(signValidator)
    const minutes = await latestMinutes(Number(params.id))
    if (!minutes) return response.notFound()
    const result = await new SignMinutes().handle(
      { minutesId: minutes.id, role },
      Actors.user(auth.use('web').getUserOrFail(), request.ip())
    )
    session.flash(
      result.status === 'signed' || result.status === 'locked' ? 'success' : 'error',
      i18n.t(`assemblies.minutes.sign_${result.status}`)
    )
    return response.redirect().toRoute('minutes.show', { id: params.id })
  }

  async sendLinks({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    const minutes = await latestMinutes(Number(params.id))
    if (!minutes) return response.notFound()
    const result = await new SendSigningLinks().handle(
      minutes.id,
      Actors.user(auth.use('web').getUserOrFail(), request.ip())
    )
    session.flash('success', i18n.t('assemblies.minutes.links_sent', { count: result.sent }))
    return response.redirect().toRoute('minutes.show', { id: params.id })
  }

  async pdf({ params, response, bouncer }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('view')
    const minutes = await latestMinutes(Number(params.id))
    if (!minutes) return response.notFound()
    return sendMinutesPdf(response, minutes)
  }

  async close({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    const result = await new CloseAssembly().handle(
      Number(params.id),
      Actors.user(auth.use('web').getUserOrFail(), request.ip())
    )
    session.flash(
      result.status === 'closed' ? 'success' : 'error',
      i18n.t(`assemblies.close.${result.status}`)
    )
    return response.redirect().toRoute('minutes.show', { id: params.id })
  }

  /** /referat/:token — the signing page for a dirigent or referent without a login. */
  async showSigning({ params, view, response }: HttpContext) {
    const found = await findSigningLink(params.token)
    if (!found) return response.notFound()
    return view.render('assemblies/sign', {
      token: params.token,
      minutes: found.minutes,
      role: found.role,
      signed: found.minutes.signatures.some((signature) => signature.role === found.role),
    })
  }

  async signFromLink({ params, response, session, i18n }: HttpContext) {
    const found = await findSigningLink(params.token)
    if (!found) return response.notFound()
    const result = await new SignMinutes().handle(
      { minutesId: found.minutes.id, role: found.role },
      Actors.system(`personal signing link (${found.role})`)
    )
    session.flash(
      result.status === 'signed' || result.status === 'locked' ? 'success' : 'error',
      i18n.t(`assemblies.minutes.sign_${result.status}`)
    )
    return response.redirect().toRoute('minutes.show_signing', { token: params.token })
  }

  async signingPdf({ params, response }: HttpContext) {
    const found = await findSigningLink(params.token)
    if (!found) return response.notFound()
    return sendMinutesPdf(response, found.minutes)
  }
}

export async function sendMinutesPdf(response: HttpContext['response'], minutes: Minutes) {
  const pdf = await renderMinutesPdf(minutesDocument(minutes))
  response.header('content-type', 'application/pdf')
  response.header('content-disposition', `inline; filename="referat-v${minutes.version}.pdf"`)
  return response.send(pdf)
}
