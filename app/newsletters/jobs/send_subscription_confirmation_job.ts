import { DateTime } from 'luxon'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import mail from '@adonisjs/mail/services/main'
import Subscription from '#newsletters/models/subscription'
import ConsentText from '#newsletters/models/consent_text'
import SubscriptionConfirmationMail from '#newsletters/mails/subscription_confirmation_mail'
import { CONFIRMATION_DAYS } from '#newsletters/consent'
import { generateToken, hashToken } from '#shared/tokens'
import { absoluteUrlFor } from '#shared/absolute_url'

/** Makes the confirmation link here, so the token never waits in the queue. */
export default class SendSubscriptionConfirmationJob extends Job<{ subscriptionId: number }> {
  static options: JobOptions = { queue: 'default', maxRetries: 3 }

  async execute() {
    const subscription = await Subscription.query()
      .where('id', this.payload.subscriptionId)
      .whereNot('status', 'active')
      .whereNotNull('pending_request')
      .preload('subscriber')
      .preload('list')
      .first()
    const request = subscription?.pendingRequest
    if (!subscription || !request || !subscription.subscriber.isMailable) return
    // The text the request was made against, not the one an earlier consent was given to.
    const consent = await ConsentText.findOrFail(request.consentTextId)

    const token = generateToken()
    subscription.merge({
      confirmTokenHash: hashToken(token),
      confirmExpiresAt: DateTime.now().plus({ days: CONFIRMATION_DAYS }),
    })
    await subscription.save()
    const url = absoluteUrlFor('subscribe.show_confirm', { token })
    await mail.send(new SubscriptionConfirmationMail(subscription, request, consent, url))
  }
}
