import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type Contact from '#members/models/contact'
import { portalAccess } from '#members/portal_access'

/**
 * The member portal: a contact logged in by e-mail link, whose organisation
 * is still an applicant or member and who has not been erased. Every portal
 * page is for members only unless its route lets applicants in: an
 * applicant sees its application and keeps its own details, nothing more,
 * until the board approves it.
 */
export default class MemberAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { applicants?: boolean } = {}) {
    await ctx.auth.authenticateUsing(['member'], { loginRoute: '/medlem' })
    const contact = ctx.auth.use('member').getUserOrFail() as Contact
    await contact.load('organisation')
    const access = contact.erasedAt ? null : portalAccess(contact.organisation.status)
    if (!access) {
      await ctx.auth.use('member').logout()
      return ctx.response.redirect().toRoute('portal_session.show')
    }
    if (access === 'applicant' && !options.applicants) {
      ctx.response.status(403)
      return ctx.response.send(
        await ctx.view.render('portal/members_only', { organisation: contact.organisation })
      )
    }
    return next()
  }
}
