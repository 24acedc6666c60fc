import { I18n } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'
import type { NextFn } from '@adonisjs/core/types/http'
import { type HttpContext, RequestValidator } from '@adonisjs/core/http'
import { formatDate, formatDateTime, formatKroner, type DisplayLocale } from '#shared/formatting'
import { formFieldsHelpers } from '#shared/form_fields'

export const LOCALE_COOKIE = 'kreds-locale'

/**
 * Danish unless the person chose English: a staff user's own setting, else
 * the choice a visitor made on a public page (a cookie).
 */
export default class DetectLocaleMiddleware {
  static {
    RequestValidator.messagesProvider = (ctx) => ctx.i18n.createMessagesProvider()
  }

  protected chosenLocale(ctx: HttpContext) {
    const wanted = ctx.auth?.use('web').user?.locale ?? ctx.request.cookie(LOCALE_COOKIE)
    return (
      i18nManager.getSupportedLocaleFor(wanted ?? i18nManager.defaultLocale) ??
      i18nManager.defaultLocale
    )
  }

  async handle(ctx: HttpContext, next: NextFn) {
    const locale = this.chosenLocale(ctx) as DisplayLocale
    ctx.i18n = i18nManager.locale(locale)
    ctx.containerResolver.bindValue(I18n, ctx.i18n)

    if ('view' in ctx) {
      ctx.view.share({
        i18n: ctx.i18n,
        locale,
        kroner: (ore: number) => formatKroner(ore, locale),
        date: (value: Parameters<typeof formatDate>[0]) => formatDate(value, locale),
        dateTime: (value: Parameters<typeof formatDateTime>[0]) => formatDateTime(value, locale),
        // Per request: the fields of the page register their labels for the error summary.
        formFields: formFieldsHelpers(),
      })
    }
    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    i18n: I18n
  }
}
