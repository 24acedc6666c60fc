import { DateTime } from 'luxon'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import mail from '@adonisjs/mail/services/main'
import env from '#start/env'
import NewsletterForward from '#newsletters/models/newsletter_forward'
import NewsletterDelivery from '#newsletters/models/newsletter_delivery'
import { forwardMessage } from '#newsletters/sharing/forward_message'
import { getAssociationSettings } from '#association/queries/get_association_settings'

/** Sends a reader's forward; a forward is sent once, however often the job runs. */
export default class SendForwardJob extends Job<{ forwardId: number }> {
  static options: JobOptions = { queue: 'default', maxRetries: 3 }

  async execute() {
    const forward = await NewsletterForward.find(this.payload.forwardId)
    if (!forward || forward.status !== 'queued') return
    const delivery = await NewsletterDelivery.query()
      .where('id', forward.deliveryId)
      .preload('issue', (issue) => issue.preload('lists'))
      .preload('subscriber')
      .firstOrFail()
    const settings = await getAssociationSettings()
    const message = forwardMessage(forward, delivery)
    await mail.send((mailMessage) => {
      mailMessage
        .from(env.get('MAIL_FROM_ADDRESS'), settings.name)
        .to(forward.recipientEmail)
        .subject(message.subject)
        .html(message.html)
        .text(message.text)
      // The colleague's answer goes to the colleague who wrote the note.
      if (delivery.subscriber.email) {
        mailMessage.replyTo(delivery.subscriber.email, delivery.subscriber.name ?? undefined)
      }
    })
    forward.merge({ status: 'sent', sentAt: DateTime.now() })
    await forward.save()
  }
}
