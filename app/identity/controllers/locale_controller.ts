import type { HttpContext } from '@adonisjs/core/http'
import i18nManager from '@adonisjs/i18n/services/main'
import { localeValidator } from '#identity/validators/auth'
import { ChangeLocale } from '#identity/actions/change_locale'
import { LOCALE_COOKIE } from '#middleware/detect_locale_middleware'
import env from '#start/env'

/** Where the form was, if it was on this site; the front page otherwise. */
function sameSiteReferrerPath(referrer: string | undefined) {
  if (!referrer) return '/'
  try {
    const url = new URL(referrer, env.get('APP_URL'))
    return url.origin === new URL(env.get('APP_URL')).origin ? url.pathname + url.search : '/'
  } catch {
    return '/'
  }
}

/** Open to everyone: a visitor's choice is a cookie, a user's is saved on the account. */
export default class LocaleController {
  async update({ request, response, session, auth }: HttpContext) {
    const { locale } = await request.validateUsing(localeValidator)
    response.cookie(LOCALE_COOKIE, locale, { maxAge: '1y', httpOnly: true, sameSite: 'lax' })
    const staff = auth.use('web').user
    if (staff) {
      await new ChangeLocale().handle({ user: staff, locale, ip: request.ip() })
    }
    session.flash('success', i18nManager.locale(locale).t('app.language_changed'))
    return response.redirect().toPath(sameSiteReferrerPath(request.header('referer')))
  }
}
