import type { HttpContext } from '@adonisjs/core/http'
import type Contact from '#members/models/contact'
import { portalSubscribeValidator } from '#newsletters/validators/newsletters'
import { SubscribeFromPortal } from '#newsletters/actions/subscribe_from_portal'
import { UnsubscribeFromPortal } from '#newsletters/actions/unsubscribe_from_portal'
import { listsForMember } from '#newsletters/queries/lists_for_member'
import { organisationRecipients } from '#members/queries/newsletter_recipients'
import {
  authorizeNewsletterPage,
  authorizeNewsletterRole,
  hasNewsletterRole,
  mayManageRecipients,
  memberActor,
} from '#members/portal_access'
import { requestOrigin } from '#audit/request_actor'

const PAGE = '/medlem/nyhedsbreve'

/**
 * The lists offered to members, for a newsletter contact's own address, and
 * for the primary contact the organisation's recipients. Subscribing always
 * uses the logged-in contact's address, never one from the form.
 */
export default class PortalNewslettersController {
  async show({ view, auth }: HttpContext) {
    const me = auth.use('member').getUserOrFail() as Contact
    authorizeNewsletterPage(me)
    const own = hasNewsletterRole(me) ? await listsForMember(me.email!) : null
    return view.render('portal/newsletters', {
      me,
      organisation: me.organisation,
      own: Boolean(own),
      ...(own ?? { offers: [], blocked: false, suppressedReason: null }),
      manage: mayManageRecipients(me) ? await organisationRecipients(me.organisationId) : null,
    })
  }

  async subscribe({ params, request, response, session, auth, i18n }: HttpContext) {
    const me = auth.use('member').getUserOrFail() as Contact
    authorizeNewsletterRole(me)
    const input = await request.validateUsing(portalSubscribeValidator)
    const result = await new SubscribeFromPortal().handle(
      {
        listId: Number(params.listId),
        email: me.email!,
        name: me.name,
        consentTextId: input.consent_text_id,
        ...requestOrigin(request),
      },
      memberActor(me, me.organisation, requestOrigin(request))
    )
    switch (result.status) {
      case 'not_offered':
        return response.notFound()
      case 'subscribed':
      case 'already_subscribed':
        session.flash('success', i18n.t(`portal.newsletters.${result.status}`))
        break
      case 'consent_changed':
      case 'suppressed':
        session.flash('error', i18n.t(`portal.newsletters.${result.status}`))
        break
    }
    return response.redirect().toPath(PAGE)
  }

  async unsubscribe({ params, request, response, session, auth, i18n }: HttpContext) {
    const me = auth.use('member').getUserOrFail() as Contact
    authorizeNewsletterRole(me)
    const result = await new UnsubscribeFromPortal().handle(
      { listId: Number(params.listId), email: me.email!, ...requestOrigin(request) },
      memberActor(me, me.organisation, requestOrigin(request))
    )
    if (result.status === 'not_offered') return response.notFound()
    session.flash('success', i18n.t(`portal.newsletters.${result.status}`))
    return response.redirect().toPath(PAGE)
  }
}
