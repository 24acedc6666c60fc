import type { HttpContext } from '@adonisjs/core/http'
import { forgotPasswordValidator, resetPasswordValidator } from '#identity/validators/auth'
import { RequestPasswordReset } from '#identity/actions/request_password_reset'
import { ResetPassword } from '#identity/actions/reset_password'
import { findUsableToken } from '#identity/queries/find_usable_token'
import { LINK_LIFETIME_MINUTES } from '#identity/account_links'
import { EndStaffSessions } from '#identity/actions/end_staff_sessions'
import { tagLoginSession } from '#identity/sessions'
import { Actors } from '#audit/actor'
import { requestOrigin } from '#audit/request_actor'

export default class PasswordResetController {
  async create({ view }: HttpContext) {
    return view.render('identity/forgot_password')
  }

  async store({ request, response, session, i18n }: HttpContext) {
    const { email } = await request.validateUsing(forgotPasswordValidator)
    await new RequestPasswordReset().handle({ email, ...requestOrigin(request) })
    // The same answer whether or not the address belongs to someone.
    session.flash(
      'success',
      i18n.t('auth.reset_link_sent', { minutes: LINK_LIFETIME_MINUTES.password_reset })
    )
    return response.redirect().toPath('/login')
  }

  async edit({ params, view }: HttpContext) {
    const link = await findUsableToken(params.token)
    return view.render('identity/reset_password', { token: params.token, link })
  }

  async update(ctx: HttpContext) {
    const { params, request, response, session, auth, i18n } = ctx
    const { password } = await request.validateUsing(resetPasswordValidator)
    const result = await new ResetPassword().handle({
      token: params.token,
      password,
      ...requestOrigin(request),
    })

    if (result.status === 'invalid_link') {
      session.flash('error', i18n.t('auth.link_invalid'))
      return response.redirect().toPath('/forgot-password')
    }
    // Whoever knew the old password is logged out everywhere; the person with the link is logged in.
    await new EndStaffSessions().handle(
      { user: result.user, reason: 'password_reset' },
      Actors.user(result.user, requestOrigin(request))
    )
    await auth.use('web').login(result.user)
    await tagLoginSession(ctx, { kind: 'staff', id: result.user.id })
    session.flash('success', i18n.t('auth.password_reset_done'))
    return response.redirect().toRoute('dashboard.show')
  }
}
