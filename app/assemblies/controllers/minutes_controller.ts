import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import Assembly from '#assemblies/models/assembly'
import Minutes from '#assemblies/models/minutes'
import AssemblyPolicy from '#assemblies/policies/assembly_policy'
import { SaveMinutes } from '#assemblies/actions/save_minutes'
import { SignMinutes, type SignMinutesResult } from '#assemblies/actions/sign_minutes'
import {
  SendSigningLinks,
  countSigningLinks,
  findSigningLink,
  pendingSigners,
} from '#assemblies/actions/send_signing_links'
import { minutesDocument } from '#assemblies/queries/minutes_document'
import { renderMinutesPdf } from '#assemblies/documents/minutes_pdf'
import { DEFAULT_STATEMENT } from '#assemblies/queries/minutes_content'
import { Actors } from '#audit/actor'
import { requestOrigin, staffActor } from '#audit/request_actor'
import { signatureLine } from '#assemblies/presenters'
import { minutesDigest } from '#assemblies/rules/minutes_digest'
import { sameAddress } from '#assemblies/rules/minutes_signers'
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

const signValidator = vine.create({
  role: vine.enum(['dirigent', 'referent'] as const),
  // The version the signer was shown; a change since then is refused, not signed.
  hash: vine
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
})
// How many links the page saw sent for the version: the send it confirms goes once.
const sendLinksValidator = vine.create({
  seen_links: vine.number().withoutDecimals().min(0).optional(),
})
const linkSignValidator = vine.create({
  hash: vine
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
})

async function latestMinutes(assemblyId: number) {
  return Minutes.query()
    .where('assembly_id', assemblyId)
    .orderBy('version', 'desc')
    .preload('signatures')
    .first()
}

/** The referat: notes, preparation, signatures, versions, PDF. */
export default class MinutesController {
  async show({ params, view, bouncer, i18n, auth }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('view')
    const assembly = await Assembly.query()
      .where('id', params.id)
      .preload('agendaItems', (items) => items.orderBy('position'))
      .firstOrFail()
    const versions = await Minutes.query()
      .where('assembly_id', assembly.id)
      .orderBy('version', 'desc')
      .preload('signatures')
    const user = auth.use('web').getUserOrFail()
    const holders = { dirigent: assembly.dirigentEmail, referent: assembly.referentEmail }
    return view.render('assemblies/minutes', {
      assembly,
      minutes: versions[0] ?? null,
      hash: versions[0] ? minutesDigest(versions[0]) : null,
      // The roles this login holds: the only ones it is offered to sign.
      ownRoles: (['dirigent', 'referent'] as const).filter((role) =>
        sameAddress(holders[role], user.email)
      ),
      userEmail: user.email,
      versions,
      signers: versions[0] ? pendingSigners(versions[0], assembly) : [],
      sentLinks: versions[0] ? await countSigningLinks(versions[0].id) : 0,
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
    const result = await new SaveMinutes().handle(
      Number(params.id),
      {
        dirigentName: input.dirigent_name ?? null,
        dirigentEmail: input.dirigent_email ?? null,
        referentName: input.referent_name ?? null,
        referentEmail: input.referent_email ?? null,
        statement: input.statement ?? null,
        notes,
      },
      staffActor({ auth, request })
    )
    if (result.status === 'same_person') {
      session.flash('error', i18n.t('assemblies.minutes.same_person_save'))
    } else {
      const message = { updated: 'saved', new_version: 'new_version', unchanged: 'unchanged' }
      session.flash(
        'success',
        i18n.t(`assemblies.minutes.${message[result.status]}`, { version: result.minutes.version })
      )
    }
    return response.redirect().toRoute('minutes.show', { id: params.id })
  }

  /** A signature from one's own login: only as the role the assembly gives one's address. */
  async sign({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('view')
    const { role, hash } = await request.validateUsing(signValidator)
    const minutes = await latestMinutes(Number(params.id))
    if (!minutes) return response.notFound()
    const user = auth.use('web').getUserOrFail()
    const result = await new SignMinutes().handle(
      { minutesId: minutes.id, role, seenHash: hash ?? null },
      { email: user.email, method: 'login', userId: user.id },
      Actors.user(user, requestOrigin(request))
    )
    flashSigning(session, i18n, result.status, role)
    return response.redirect().toRoute('minutes.show', { id: params.id })
  }

  async sendLinks({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('manage')
    const minutes = await latestMinutes(Number(params.id))
    if (!minutes) return response.notFound()
    const { seen_links: seenLinks } = await request.validateUsing(sendLinksValidator)
    if (seenLinks === undefined) {
      session.flash('error', i18n.t('confirmations_nl.links.missing'))
      return response.redirect().toRoute('minutes.show', { id: params.id })
    }
    const result = await new SendSigningLinks().handle(
      minutes.id,
      staffActor({ auth, request }),
      seenLinks
    )
    if (result.status === 'sent_meanwhile') {
      session.flash('error', i18n.t('confirmations_nl.links.sent_meanwhile'))
    } else {
      session.flash('success', i18n.t('assemblies.minutes.links_sent', { count: result.sent }))
    }
    return response.redirect().toRoute('minutes.show', { id: params.id })
  }

  async pdf({ params, response, bouncer }: HttpContext) {
    await bouncer.with(AssemblyPolicy).authorize('view')
    const minutes = await latestMinutes(Number(params.id))
    if (!minutes) return response.notFound()
    return sendMinutesPdf(response, minutes)
  }

  /** /referat/:token — the signing page for a dirigent or referent without a login. */
  async showSigning({ params, view, response }: HttpContext) {
    const found = await findSigningLink(params.token)
    if (!found) return response.notFound()
    return view.render('assemblies/sign', {
      token: params.token,
      minutes: found.minutes,
      hash: minutesDigest(found.minutes),
      role: found.role,
      signed: found.minutes.signatures.some((signature) => signature.role === found.role),
    })
  }

  async signFromLink({ params, request, response, session, i18n }: HttpContext) {
    const found = await findSigningLink(params.token)
    if (!found) return response.notFound()
    const { hash } = await request.validateUsing(linkSignValidator)
    // A link from before links kept their address signs nothing: the board sends a new one.
    const result = found.email
      ? await new SignMinutes().handle(
          { minutesId: found.minutes.id, role: found.role, seenHash: hash ?? null },
          { email: found.email, method: 'link', userId: null },
          Actors.system(`personal signing link (${found.role}, ${found.email})`)
        )
      : { status: 'not_role_holder' as const }
    flashSigning(session, i18n, result.status, found.role)
    return response.redirect().toRoute('minutes.show_signing', { token: params.token })
  }

  async signingPdf({ params, response }: HttpContext) {
    const found = await findSigningLink(params.token)
    if (!found) return response.notFound()
    return sendMinutesPdf(response, found.minutes)
  }
}

function flashSigning(
  session: HttpContext['session'],
  i18n: HttpContext['i18n'],
  status: SignMinutesResult['status'],
  role: SignatureRole
) {
  session.flash(
    status === 'signed' || status === 'locked' ? 'success' : 'error',
    i18n.t(`assemblies.minutes.sign_${status}`, {
      role: i18n.t(`assemblies.minutes.roles.${role}`).toLowerCase(),
    })
  )
}

export async function sendMinutesPdf(response: HttpContext['response'], minutes: Minutes) {
  const pdf = await renderMinutesPdf(minutesDocument(minutes))
  response.header('content-type', 'application/pdf')
  response.header('content-disposition', `inline; filename="referat-v${minutes.version}.pdf"`)
  return response.send(pdf)
}
