import type { HttpContext } from '@adonisjs/core/http'
import { loginValidator } from '#identity/validators/auth'
import { LogIn } from '#identity/actions/log_in'
import { endCurrentSession, tagLoginSession } from '#identity/sessions'
import { countFailedLogin } from '#start/limiter'
import { requestOrigin } from '#audit/request_actor'

export default class SessionController {
  async create({ view }: HttpContext) {
    return view.render('identity/login')
  }

  async store(ctx: HttpContext) {
    const { request, response, session, auth, i18n } = ctx
    const input = await request.validateUsing(loginValidator)
    const result = await countFailedLogin(input.email, () =>
      new LogIn().handle({ ...input, ...requestOrigin(request) })
    )

    if (result.status === 'invalid_credentials') {
      session.flash('error', i18n.t('auth.invalid_credentials'))
      session.flashOnly(['email'])
      return response.redirect().toRoute('session.create')
    }
    // The guard gives the session a new id; the tag goes on that one.
    await auth.use('web').login(result.user)
    await tagLoginSession(ctx, { kind: 'staff', id: result.user.id })
    return response.redirect().toRoute('dashboard.show')
  }

  async destroy(ctx: HttpContext) {
    await ctx.auth.use('web').logout()
    endCurrentSession(ctx)
    ctx.session.flash('success', ctx.i18n.t('auth.logged_out'))
    return ctx.response.redirect().toRoute('session.create')
  }
}
