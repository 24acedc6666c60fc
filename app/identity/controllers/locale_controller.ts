import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import i18nManager from '@adonisjs/i18n/services/main'
import { localeValidator } from '#identity/validators/auth'
import { ChangeLocale } from '#identity/actions/change_locale'
import { LOCALE_COOKIE } from '#middleware/detect_locale_middleware'
import { sameSiteReturnPath } from '#shared/return_path'
import { requestOrigin } from '#audit/request_actor'

/** Open to everyone: a visitor's choice is a cookie, a user's is saved on the account. */
export default class LocaleController {
  async update({ request, response, session, auth }: HttpContext) {
    const { locale } = await request.validateUsing(localeValidator)
    response.cookie(LOCALE_COOKIE, locale, { maxAge: '1y', httpOnly: true, sameSite: 'lax' })
    const staff = auth.use('web').user
    if (staff) {
      await new ChangeLocale().handle({ user: staff, locale, ...requestOrigin(request) })
    }
    session.flash('success', i18nManager.locale(locale).t('app.language_changed'))
    // Back to the page the switch was on; anything else goes to the visitor's home page.
    const member = !staff && (await auth.use('member').check())
    const home = urlFor(member ? 'portal_session.show' : 'dashboard.show')
    return response.redirect().toPath(sameSiteReturnPath(request.header('referer'), home))
  }
}
