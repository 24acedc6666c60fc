import type { HttpContext } from '@adonisjs/core/http'
import type Contact from '#members/models/contact'
import { SetNewsletterRecipient } from '#members/actions/set_newsletter_recipient'
import { authorizeRecipientManagement, memberActor } from '#members/portal_access'
import { requestOrigin } from '#audit/request_actor'

/** The primary contact names and removes the organisation's newsletter recipients. */
export default class PortalRecipientsController {
  async update(ctx: HttpContext) {
    return this.set(ctx, true)
  }

  async destroy(ctx: HttpContext) {
    return this.set(ctx, false)
  }

  protected async set(
    { params, request, response, session, auth, i18n }: HttpContext,
    recipient: boolean
  ) {
    const me = auth.use('member').getUserOrFail() as Contact
    authorizeRecipientManagement(me)
    const result = await new SetNewsletterRecipient().handle(
      { organisationId: me.organisationId, contactId: Number(params.contactId), recipient },
      memberActor(me, me.organisation, requestOrigin(request))
    )
    if (result.status === 'not_found') return response.notFound()
    session.flash(
      result.status === 'no_email' ? 'error' : 'success',
      i18n.t(`member_portal.recipients.${result.status}`, { name: result.contact!.name })
    )
    return response.redirect().toPath('/medlem/nyhedsbreve')
  }
}
