import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Authenticators } from '@adonisjs/auth/types'
import { AuthorizationResponse, errors } from '@adonisjs/bouncer'

/**
 * Staff pages: a visitor who is not logged in is sent to /login. A member
 * contact logged in to the portal is refused outright: the register of other
 * organisations is not theirs to see.
 */
export default class AuthMiddleware {
  redirectTo = '/login'

  async handle(
    ctx: HttpContext,
    next: NextFn,
    options: { guards?: (keyof Authenticators)[] } = {}
  ) {
    if (!(await ctx.auth.use('web').check()) && (await ctx.auth.use('member').check())) {
      throw new errors.E_AUTHORIZATION_FAILURE(AuthorizationResponse.deny('Access denied', 403))
    }
    await ctx.auth.authenticateUsing(options.guards ?? ['web'], { loginRoute: this.redirectTo })
    return next()
  }
}
