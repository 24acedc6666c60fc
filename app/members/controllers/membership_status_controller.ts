import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import MemberPolicy from '#members/policies/member_policy'
import { statusChangeValidator } from '#members/validators/organisation'
import { ChangeMembershipStatus } from '#members/actions/change_membership_status'
import { staffActor } from '#audit/request_actor'

/** POST /members/:id/status: a state change as a sub-resource of the organisation. */
export default class MembershipStatusController {
  async store({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(MemberPolicy).authorize('edit')
    const input = await request.validateUsing(statusChangeValidator)
    const result = await new ChangeMembershipStatus().handle(
      {
        organisationId: Number(params.id),
        to: input.to,
        changedOn: DateTime.fromJSDate(input.changed_on),
        reason: input.reason,
      },
      staffActor({ auth, request })
    )
    switch (result.status) {
      case 'changed':
        session.flash(
          'success',
          i18n.t('members.status_changed', { to: i18n.t(`members.statuses.${input.to}`) })
        )
        break
      case 'not_allowed':
        session.flash(
          'error',
          i18n.t('members.status_not_allowed', {
            from: i18n.t(`members.statuses.${result.from}`),
            to: i18n.t(`members.statuses.${input.to}`),
          })
        )
        break
      case 'needs_primary_contact':
        session.flash('error', i18n.t('members.needs_primary_contact'))
        break
      case 'name_taken':
        session.flash('error', i18n.t('members.name_taken'))
        break
    }
    return response.redirect().toRoute('organisations.show', { id: params.id })
  }
}
