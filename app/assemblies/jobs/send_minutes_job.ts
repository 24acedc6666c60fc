import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import mail from '@adonisjs/mail/services/main'
import i18nManager from '@adonisjs/i18n/services/main'
import Organisation from '#members/models/organisation'
import Minutes from '#assemblies/models/minutes'
import { minutesDocument } from '#assemblies/queries/minutes_document'
import { renderMinutesPdf } from '#assemblies/documents/minutes_pdf'

/** The signed minutes to one member's delegates and primary contact, as PDF. */
export default class SendMinutesJob extends Job<{ minutesId: number; organisationId: number }> {
  static options: JobOptions = { queue: 'default', maxRetries: 3 }

  async execute() {
    const minutes = await Minutes.query()
      .where('id', this.payload.minutesId)
      .preload('signatures')
      .firstOrFail()
    const organisation = await Organisation.query()
      .where('id', this.payload.organisationId)
      .preload('contacts')
      .firstOrFail()
    const recipients = organisation.contacts.filter(
      (contact) => !contact.erasedAt && contact.email && (contact.isDelegate || contact.isPrimary)
    )
    if (recipients.length === 0) return
    const document = minutesDocument(minutes)
    const pdf = await renderMinutesPdf(document)
    const i18n = i18nManager.locale('da')
    await mail.send((message) => {
      for (const contact of recipients) message.to(contact.email!, contact.name)
      message
        .subject(i18n.t('assemblies.mail.minutes.subject', { title: document.assembly.title }))
        .text(
          i18n.t('assemblies.mail.minutes.body', {
            association: document.association.name,
            title: document.assembly.title,
            version: document.version,
          })
        )
        .attachData(pdf, {
          filename: `referat-v${document.version}.pdf`,
          contentType: 'application/pdf',
        })
      if (document.association.email) {
        message.replyTo(document.association.email, document.association.name)
      }
    })
  }
}
