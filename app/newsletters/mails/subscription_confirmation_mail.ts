import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import type Subscription from '#newsletters/models/subscription'
import { CONFIRMATION_DAYS } from '#newsletters/consent'

/** The double opt-in mail: what the reader agreed to, and the link that confirms it. */
export default class SubscriptionConfirmationMail extends BaseMail {
  constructor(
    private subscription: Subscription,
    private url: string
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale('da')
    const { subscriber, list, consentText } = this.subscription
    const data = {
      i18n,
      name: subscriber.name,
      list: list.name,
      consent: consentText.body,
      url: this.url,
      days: CONFIRMATION_DAYS,
    }
    this.message
      .to(subscriber.email!, subscriber.name ?? undefined)
      .subject(i18n.t('newsletters.confirm_mail.subject', { list: list.name }))
      .htmlView('emails/subscription_confirmation_html', data)
      .textView('emails/subscription_confirmation_text', data)
  }
}
