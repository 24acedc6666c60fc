import type { HttpContext } from '@adonisjs/core/http'
import { memberLinkValidator } from '#members/validators/portal'
import { RequestMemberLoginLink } from '#members/actions/request_member_login_link'
import { LogInMember } from '#members/actions/log_in_member'
import { MEMBER_LINK_MINUTES } from '#members/portal_access'
import { endCurrentSession, tagLoginSession } from '#identity/sessions'
import { requestOrigin } from '#audit/request_actor'

/** /medlem: a contact asks for a link by e-mail, follows it, and is logged in. */
export default class PortalSessionController {
  async show({ view, auth, response }: HttpContext) {
    if (await auth.use('member').check()) return response.redirect().toPath('/medlem/organisation')
    return view.render('portal/login')
  }

  async requestLink({ request, response, session, i18n }: HttpContext) {
    const { email } = await request.validateUsing(memberLinkValidator)
    await new RequestMemberLoginLink().handle({ email, ...requestOrigin(request) })
    session.flash('success', i18n.t('portal.link_sent', { minutes: MEMBER_LINK_MINUTES }))
    return response.redirect().toPath('/medlem')
  }

  /** Opening the link only shows a button: mail scanners that fetch links must not spend it. */
  async showLink({ params, view }: HttpContext) {
    return view.render('portal/confirm_login', { token: params.token })
  }

  async login(ctx: HttpContext) {
    const { params, request, response, session, auth, i18n } = ctx
    const result = await new LogInMember().handle({
      token: params.token,
      ...requestOrigin(request),
    })
    if (result.status === 'invalid_link') {
      session.flash('error', i18n.t('portal.link_invalid'))
      return response.redirect().toPath('/medlem')
    }
    await auth.use('member').login(result.contact)
    await tagLoginSession(ctx, { kind: 'contact', id: result.contact.id })
    return response.redirect().toPath('/medlem/organisation')
  }

  async logout(ctx: HttpContext) {
    const { response, session, auth, i18n } = ctx
    await auth.use('member').logout()
    endCurrentSession(ctx)
    session.flash('success', i18n.t('auth.logged_out'))
    return response.redirect().toPath('/medlem')
  }
}
