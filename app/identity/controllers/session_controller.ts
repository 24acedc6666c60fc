import type { HttpContext } from '@adonisjs/core/http'
import { loginValidator } from '#identity/validators/auth'
import { LogIn } from '#identity/actions/log_in'

export default class SessionController {
  async create({ view }: HttpContext) {
    return view.render('identity/login')
  }

  async store({ request, response, session, auth, i18n }: HttpContext) {
    const input = await request.validateUsing(loginValidator)
    const result = await new LogIn().handle({ ...input, ip: request.ip() })

    if (result.status === 'invalid_credentials') {
      session.flash('error', i18n.t('auth.invalid_credentials'))
      session.flashOnly(['email'])
      return response.redirect().toPath('/login')
    }
    await auth.use('web').login(result.user)
    return response.redirect().toPath('/')
  }

  async destroy({ response, session, auth, i18n }: HttpContext) {
    await auth.use('web').logout()
    session.flash('success', i18n.t('auth.logged_out'))
    return response.redirect().toPath('/login')
  }
}
