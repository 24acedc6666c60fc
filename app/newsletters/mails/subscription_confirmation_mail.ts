import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import type Subscription from '#newsletters/models/subscription'
import type { PendingRequest } from '#newsletters/models/subscription'
import type ConsentText from '#newsletters/models/consent_text'
import { CONFIRMATION_DAYS } from '#newsletters/consent'

/** The double opt-in mail: what the reader agreed to, and the link that confirms it. */
export default class SubscriptionConfirmationMail extends BaseMail {
  constructor(
    private subscription: Subscription,
    private request: PendingRequest,
    private consent: ConsentText,
    private url: string
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale('da')
    const { subscriber, list } = this.subscription
    const data = {
      i18n,
      // The name confirming would leave the reader with: theirs, or the one asked for if they have none.
      name: subscriber.name ?? this.request.name,
      list: list.name,
      consent: this.consent.body,
      url: this.url,
      days: CONFIRMATION_DAYS,
    }
    // Only a confirmed name goes in the header; the request's is the asker's word.
    this.message
      .to(subscriber.email!, subscriber.name ?? undefined)
      .subject(i18n.t('newsletters.confirm_mail.subject', { list: list.name }))
      .htmlView('emails/subscription_confirmation_html', data)
      .textView('emails/subscription_confirmation_text', data)
  }
}
