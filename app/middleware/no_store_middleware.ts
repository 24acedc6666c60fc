import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Pages and downloads are never kept by the browser or a proxy: after a
 * logout, the back button must not show a member's page, an invoice or an
 * export from the cache. Set before the route runs, so that error pages get
 * it too; a route whose answer may be kept (the public logo) says so itself.
 *
 * An answer that says `public` is one a shared cache may keep and hand to
 * the next visitor, so it goes without cookies: otherwise the session cookie
 * of whoever asked first (a secretary looking at the image in the editor)
 * would be kept with it.
 */
export default class NoStoreMiddleware {
  async handle({ response }: HttpContext, next: NextFn) {
    response.header('Cache-Control', 'no-store')
    await next()
    if (isPublic(response.getHeader('Cache-Control'))) response.removeHeader('set-cookie')
  }
}

function isPublic(cacheControl: unknown) {
  return String(cacheControl ?? '')
    .split(',')
    .some((directive) => directive.trim().toLowerCase() === 'public')
}
