import type { HttpContext } from '@adonisjs/core/http'
import { changePasswordValidator } from '#identity/validators/auth'
import { ChangePassword } from '#identity/actions/change_password'
import { EndStaffSessions } from '#identity/actions/end_staff_sessions'
import StaffPolicy from '#identity/policies/staff_policy'
import { listSessions, renewSession } from '#identity/sessions'
import { Actors } from '#audit/actor'
import { requestOrigin } from '#audit/request_actor'

export default class AccountController {
  async show({ view, bouncer, auth, session }: HttpContext) {
    await bouncer.with(StaffPolicy).authorize('viewDashboard')
    const user = auth.use('web').getUserOrFail()
    const sessions = await listSessions({ kind: 'staff', id: user.id }, session.sessionId)
    return view.render('identity/account', { sessions })
  }

  /** A new password ends every session of the account; this one goes on under a new id. */
  async updatePassword(ctx: HttpContext) {
    const { request, response, session, auth, bouncer, i18n } = ctx
    await bouncer.with(StaffPolicy).authorize('viewDashboard')
    const input = await request.validateUsing(changePasswordValidator)
    const user = auth.use('web').getUserOrFail()
    const result = await new ChangePassword().handle({
      user,
      currentPassword: input.current_password,
      newPassword: input.password,
      ...requestOrigin(request),
    })

    if (result.status === 'wrong_current_password') {
      session.flash('inputErrorsBag', { current_password: [i18n.t('auth.current_password_wrong')] })
      return response.redirect().toRoute('account.show')
    }
    await new EndStaffSessions().handle(
      { user, reason: 'password_changed' },
      Actors.user(user, requestOrigin(request))
    )
    await renewSession(ctx, { kind: 'staff', id: user.id })
    session.flash('success', i18n.t('auth.password_changed'))
    return response.redirect().toRoute('account.show')
  }

  async endOtherSessions({ request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(StaffPolicy).authorize('viewDashboard')
    const user = auth.use('web').getUserOrFail()
    const { ended } = await new EndStaffSessions().handle(
      { user, reason: 'ended_by_user', keep: session.sessionId },
      Actors.user(user, requestOrigin(request))
    )
    session.flash('success', i18n.t('auth.other_sessions_ended', { count: ended }))
    return response.redirect().toRoute('account.show')
  }
}
