import type { HttpContext } from '@adonisjs/core/http'
import i18nManager from '@adonisjs/i18n/services/main'
import { localeValidator } from '#identity/validators/auth'
import { ChangeLocale } from '#identity/actions/change_locale'
import { LOCALE_COOKIE } from '#middleware/detect_locale_middleware'

/** Open to everyone: a visitor's choice is a cookie, a user's is saved on the account. */
export default class LocaleController {
  async update({ request, response, session, auth }: HttpContext) {
    const { locale } = await request.validateUsing(localeValidator)
    response.cookie(LOCALE_COOKIE, locale, { maxAge: '1y', httpOnly: true, sameSite: 'lax' })
    if (auth.user) {
      await new ChangeLocale().handle({ user: auth.user, locale, ip: request.ip() })
    }
    session.flash('success', i18nManager.locale(locale).t('app.language_changed'))
    return response.redirect().back()
  }
}
