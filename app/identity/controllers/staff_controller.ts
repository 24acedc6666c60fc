import type { HttpContext } from '@adonisjs/core/http'
import User from '#identity/models/user'
import StaffPolicy from '#identity/policies/staff_policy'
import { inviteStaffValidator, updateStaffValidator } from '#identity/validators/staff'
import { InviteStaffUser } from '#identity/actions/invite_staff_user'
import { UpdateStaffUser } from '#identity/actions/update_staff_user'
import { ROLES } from '#identity/roles'
import { staffActor } from '#audit/request_actor'
import { ResendStaffInvitation } from '#identity/actions/resend_staff_invitation'
import { EndStaffSessions } from '#identity/actions/end_staff_sessions'

export default class StaffController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.with(StaffPolicy).authorize('manage')
    const users = await User.query().orderBy('full_name')
    return view.render('identity/staff/index', { users, roles: ROLES })
  }

  async store({ request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(StaffPolicy).authorize('manage')
    const input = await request.validateUsing(inviteStaffValidator)
    const result = await new InviteStaffUser().handle(
      { fullName: input.full_name, email: input.email, role: input.role, locale: input.locale },
      staffActor({ auth, request })
    )

    if (result.status === 'email_taken') {
      session.flash('inputErrorsBag', { email: [i18n.t('staff.email_taken')] })
      session.flashAll()
      return response.redirect().toPath('/staff')
    }
    session.flash('success', i18n.t('staff.invited', { email: result.user.email }))
    return response.redirect().toPath('/staff')
  }

  async edit({ params, view, bouncer }: HttpContext) {
    const target = await User.findOrFail(params.id)
    await bouncer.with(StaffPolicy).authorize('update', target)
    return view.render('identity/staff/edit', { target, roles: ROLES })
  }

  async update({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    const target = await User.findOrFail(params.id)
    await bouncer.with(StaffPolicy).authorize('update', target)
    const input = await request.validateUsing(updateStaffValidator)
    const actor = staffActor({ auth, request })
    const result = await new UpdateStaffUser().handle(
      {
        userId: target.id,
        fullName: input.full_name,
        role: input.role,
        isActive: input.is_active ?? false,
      },
      actor
    )
    // A lost role or a closed account ends the sessions that had them.
    const reason = !result.user.isActive
      ? 'deactivated'
      : result.user.role !== target.role
        ? 'role_changed'
        : null
    if (result.status === 'updated' && reason) {
      await new EndStaffSessions().handle({ user: result.user, reason }, actor)
    }
    session.flash('success', i18n.t('staff.updated', { name: result.user.fullName }))
    return response.redirect().toPath('/staff')
  }

  /** An admin logs a user out everywhere, e.g. after a lost phone. */
  async endSessions({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    const target = await User.findOrFail(params.id)
    await bouncer.with(StaffPolicy).authorize('update', target)
    const { ended } = await new EndStaffSessions().handle(
      { user: target, reason: 'ended_by_admin' },
      staffActor({ auth, request })
    )
    session.flash(
      'success',
      i18n.t('staff.sessions_ended', { name: target.fullName, count: ended })
    )
    return response.redirect().toRoute('staff.edit', { id: target.id })
  }

  async resendInvitation({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    const target = await User.findOrFail(params.id)
    await bouncer.with(StaffPolicy).authorize('update', target)
    const result = await new ResendStaffInvitation().handle(target, staffActor({ auth, request }))
    if (result.status === 'sent') {
      session.flash('success', i18n.t('staff.invitation_resent', { email: target.email }))
    }
    return response.redirect().toPath('/staff')
  }
}
