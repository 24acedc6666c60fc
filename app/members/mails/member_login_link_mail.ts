import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import type { MemberLoginLink } from '#members/actions/create_member_login_links'
import { MEMBER_LINK_MINUTES } from '#members/portal_access'

/** A contact's link (one per organisation they speak for) to the member portal. Danish. */
export default class MemberLoginLinkMail extends BaseMail {
  constructor(
    private email: string,
    private name: string,
    private links: MemberLoginLink[],
    private purpose: 'login' | 'welcome'
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale('da')
    const data = {
      i18n,
      name: this.name,
      purpose: this.purpose,
      minutes: MEMBER_LINK_MINUTES,
      links: this.links.map((link) => ({
        organisation: link.contact.organisation.name,
        url: link.url,
      })),
    }
    this.message
      .to(this.email, this.name)
      .subject(i18n.t(`portal.mail.${this.purpose}.subject`))
      .htmlView('emails/member_login_link_html', data)
      .textView('emails/member_login_link_text', data)
  }
}
