import type { HttpContext } from '@adonisjs/core/http'
import { changePasswordValidator } from '#identity/validators/auth'
import { ChangePassword } from '#identity/actions/change_password'
import StaffPolicy from '#identity/policies/staff_policy'

export default class AccountController {
  async show({ view, bouncer }: HttpContext) {
    await bouncer.with(StaffPolicy).authorize('viewDashboard')
    return view.render('identity/account')
  }

  async updatePassword({ request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(StaffPolicy).authorize('viewDashboard')
    const input = await request.validateUsing(changePasswordValidator)
    const result = await new ChangePassword().handle({
      user: auth.use('web').getUserOrFail(),
      currentPassword: input.current_password,
      newPassword: input.password,
      ip: request.ip(),
    })

    if (result.status === 'wrong_current_password') {
      session.flash('inputErrorsBag', { current_password: [i18n.t('auth.current_password_wrong')] })
      return response.redirect().toPath('/account')
    }
    session.flash('success', i18n.t('auth.password_changed'))
    return response.redirect().toPath('/account')
  }
}
