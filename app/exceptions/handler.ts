import app from '@adonisjs/core/services/app'
import i18nManager from '@adonisjs/i18n/services/main'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { isDatabaseUnreachable } from '#shared/database_errors'
import { LOCALE_COOKIE } from '#middleware/detect_locale_middleware'

type CodedError = { code?: string; status?: number; response?: { status?: number } }

/**
 * Errors become Danish (or English) pages. In production nobody sees a stack
 * trace; in development a 500 still shows the debugging page.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction && !app.inTest

  protected renderStatusPages = true

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '403': (_, ctx) => this.errorPage(ctx, 403),
    '404': (_, ctx) => this.errorPage(ctx, 404),
    // In development a 500 shows the debugging page instead.
    ...(this.debug
      ? {}
      : { '500..599': (_: unknown, ctx: HttpContext) => this.errorPage(ctx, 500) }),
  }

  async handle(error: unknown, ctx: HttpContext) {
    const code = (error as CodedError)?.code

    if (isDatabaseUnreachable(error)) {
      return this.respond(ctx, 503, 'errors.database_unavailable')
    }
    if (code === 'E_AUTHORIZATION_FAILURE') {
      return this.respond(ctx, (error as CodedError).response?.status ?? 403, 'errors.forbidden')
    }
    if (code === 'E_BAD_CSRF_TOKEN') {
      return this.respond(ctx, 403, 'errors.form_expired')
    }
    if (code === 'E_TOO_MANY_REQUESTS') {
      const retryAfter = (error as { response?: { availableIn?: number } }).response?.availableIn
      if (retryAfter) ctx.response.header('Retry-After', String(retryAfter))
      return this.respond(ctx, 429, 'errors.too_many_requests', {
        minutes: Math.max(1, Math.ceil((retryAfter ?? 60) / 60)),
      })
    }
    return super.handle(error, ctx)
  }

  async report(error: unknown, ctx: HttpContext) {
    if (isDatabaseUnreachable(error)) {
      ctx.logger.error({ code: (error as CodedError).code }, 'The database cannot be reached')
      return
    }
    return super.report(error, ctx)
  }

  /** Unmatched routes never reach the locale middleware; the visitor's cookie still counts. */
  protected i18n(ctx: HttpContext) {
    if ('i18n' in ctx && ctx.i18n) return ctx.i18n
    const chosen = i18nManager.getSupportedLocaleFor(ctx.request.cookie(LOCALE_COOKIE) ?? '')
    return i18nManager.locale(chosen ?? i18nManager.defaultLocale)
  }

  protected async respond(
    ctx: HttpContext,
    status: number,
    messageKey: string,
    data: Record<string, unknown> = {}
  ) {
    const message = this.i18n(ctx).t(messageKey, data)
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.status(status).send({ message })
    }
    return ctx.response.status(status).send(await this.renderPage(ctx, status, message))
  }

  protected async errorPage(ctx: HttpContext, status: 403 | 404 | 500) {
    const key = { 403: 'errors.forbidden', 404: 'errors.not_found', 500: 'errors.server_error' }[
      status
    ]
    return this.renderPage(ctx, status, this.i18n(ctx).t(key))
  }

  protected async renderPage(ctx: HttpContext, status: number, message: string) {
    const i18n = this.i18n(ctx)
    return ctx.view.render('errors/page', { status, message, i18n, locale: i18n.locale })
  }
}
