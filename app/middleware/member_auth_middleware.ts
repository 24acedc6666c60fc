import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type Contact from '#members/models/contact'
import { PORTAL_STATUSES } from '#members/portal_access'

/**
 * The member portal: a contact logged in by e-mail link, whose organisation
 * is still an applicant or member and who has not been erased.
 */
export default class MemberAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await ctx.auth.authenticateUsing(['member'], { loginRoute: '/medlem' })
    const contact = ctx.auth.use('member').getUserOrFail() as Contact
    await contact.load('organisation')
    if (
      contact.erasedAt ||
      !(PORTAL_STATUSES as readonly string[]).includes(contact.organisation.status)
    ) {
      await ctx.auth.use('member').logout()
      return ctx.response.redirect().toPath('/medlem')
    }
    return next()
  }
}
