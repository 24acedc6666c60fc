import type { HttpContext } from '@adonisjs/core/http'
import type Contact from '#members/models/contact'
import { nameChangeValidator } from '#members/validators/portal'
import { RequestNameChange } from '#members/actions/name_change'
import { memberActor } from '#members/portal_access'
import { requestOrigin } from '#audit/request_actor'

/** A member cannot rename itself; it asks the board. */
export default class PortalNameChangeController {
  async store({ request, response, session, auth, i18n }: HttpContext) {
    const me = auth.use('member').getUserOrFail() as Contact
    const { name } = await request.validateUsing(nameChangeValidator)
    const result = await new RequestNameChange().handle(
      { organisationId: me.organisationId, name },
      memberActor(me, me.organisation, requestOrigin(request))
    )
    session.flash(
      'success',
      i18n.t(result.status === 'requested' ? 'portal.name_requested' : 'settings.unchanged')
    )
    return response.redirect().toPath('/medlem/organisation')
  }
}
