import type { HttpContext } from '@adonisjs/core/http'
import MemberPolicy from '#members/policies/member_policy'
import { EraseContact, ExportContactData } from '#members/actions/contact_privacy'
import { staffActor } from '#audit/request_actor'

/** A person's data on request: a copy (JSON), or erasure. */
export default class ContactPrivacyController {
  async export({ params, request, response, auth, bouncer }: HttpContext) {
    await bouncer.with(MemberPolicy).authorize('edit')
    const result = await new ExportContactData().handle(
      { organisationId: Number(params.id), contactId: Number(params.contactId) },
      staffActor({ auth, request })
    )
    if (result.status === 'not_found') return response.notFound()
    response.header('content-type', 'application/json; charset=utf-8')
    response.header(
      'content-disposition',
      `attachment; filename="persondata-kontakt-${result.contact.id}.json"`
    )
    return response.send(JSON.stringify(result.data, null, 2))
  }

  async erase({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(MemberPolicy).authorize('edit')
    const result = await new EraseContact().handle(
      { organisationId: Number(params.id), contactId: Number(params.contactId) },
      staffActor({ auth, request })
    )
    if (result.status === 'not_found') return response.notFound()
    session.flash(
      'success',
      i18n.t(result.wasPrimary ? 'members.privacy.erased_primary' : 'members.privacy.erased')
    )
    return response.redirect().toRoute('organisations.show', { id: params.id })
  }
}
