import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Pages and downloads are never kept by the browser or a proxy: after a
 * logout, the back button must not show a member's page, an invoice or an
 * export from the cache. Set before the route runs, so that error pages get
 * it too; a route whose answer may be kept (the public logo) says so itself.
 */
export default class NoStoreMiddleware {
  async handle({ response }: HttpContext, next: NextFn) {
    response.header('Cache-Control', 'no-store')
    return next()
  }
}
