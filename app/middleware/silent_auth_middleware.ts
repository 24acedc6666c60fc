import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Finds the logged-in user, if any, so that every page and policy can see it. */
export default class SilentAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const staff = ctx.auth.use('web')
    // Without the session's login key the visitor is a guest (Kreds sets no
    // remember-me cookie): asking the guard would only build and catch an error.
    if (!ctx.session.has(staff.sessionKeyName)) return next()
    await staff.check()
    // A deactivated account loses its session at the next request.
    if (staff.user && !staff.user.isActive) {
      await ctx.auth.use('web').logout()
    }
    return next()
  }
}
