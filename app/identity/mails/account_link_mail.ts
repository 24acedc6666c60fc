import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import type User from '#identity/models/user'
import type { UserTokenPurpose } from '#identity/models/user_token'
import { LINK_LIFETIME_MINUTES } from '#identity/account_links'
import { absoluteUrlFor } from '#shared/absolute_url'

/** The password-reset or invitation link, in the person's own language. */
export default class AccountLinkMail extends BaseMail {
  constructor(
    private user: User,
    private purpose: UserTokenPurpose,
    private token: string
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale(this.user.locale)
    const url = absoluteUrlFor('password_reset.edit', { token: this.token })
    const data = {
      i18n,
      name: this.user.fullName,
      url,
      purpose: this.purpose,
      hours: Math.round(LINK_LIFETIME_MINUTES[this.purpose] / 60),
    }
    this.message
      .to(this.user.email, this.user.fullName)
      .subject(i18n.t(`mail.${this.purpose}.subject`))
      .htmlView('emails/account_link_html', data)
      .textView('emails/account_link_text', data)
  }
}
