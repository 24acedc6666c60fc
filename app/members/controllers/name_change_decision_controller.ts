import type { HttpContext } from '@adonisjs/core/http'
import MemberPolicy from '#members/policies/member_policy'
import { nameChangeDecisionValidator } from '#members/validators/portal'
import { DecideNameChange } from '#members/actions/name_change'
import { staffActor } from '#audit/request_actor'

/** POST /members/:id/name-requests/:requestId: the board's answer to a member's request. */
export default class NameChangeDecisionController {
  async store({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(MemberPolicy).authorize('edit')
    const { decision } = await request.validateUsing(nameChangeDecisionValidator)
    const result = await new DecideNameChange().handle(
      {
        organisationId: Number(params.id),
        requestId: Number(params.requestId),
        approve: decision === 'approve',
      },
      staffActor({ auth, request })
    )
    if (result.status === 'not_found') return response.notFound()
    const messages = {
      approved: ['success', 'members.name_request.approved'],
      rejected: ['success', 'members.name_request.rejected'],
      name_taken: ['error', 'members.name_taken'],
    } as const
    const [kind, key] = messages[result.status]
    session.flash(kind, i18n.t(key))
    return response.redirect().toRoute('organisations.show', { id: params.id })
  }
}
