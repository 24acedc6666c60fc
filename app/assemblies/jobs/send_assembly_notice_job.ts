import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import mail from '@adonisjs/mail/services/main'
import Organisation from '#members/models/organisation'
import AssemblyNoticeMail from '#assemblies/mails/assembly_notice_mail'
import { issueAssemblyLink } from '#assemblies/links'
import { getNoticeDocument } from '#assemblies/queries/notice_document'
import { renderNoticePdf } from '#assemblies/documents/notice_pdf'
import { noticeRecipientsOf } from '#assemblies/queries/notice_recipients'

/**
 * One member's notice: to its delegates, or its primary contact when it
 * names none, with the organisation's personal link made here in the worker.
 */
export default class SendAssemblyNoticeJob extends Job<{
  assemblyId: number
  organisationId: number
}> {
  static options: JobOptions = { queue: 'default', maxRetries: 3 }

  async execute() {
    const organisation = await Organisation.query()
      .where('id', this.payload.organisationId)
      .preload('contacts')
      .firstOrFail()
    const recipients = noticeRecipientsOf(organisation.contacts)
    if (recipients.length === 0) return
    const document = await getNoticeDocument(this.payload.assemblyId)
    const link = await issueAssemblyLink(this.payload.assemblyId, organisation.id)
    const pdf = await renderNoticePdf(document)
    await mail.send(
      new AssemblyNoticeMail(
        document,
        organisation.name,
        recipients.map((contact) => ({ email: contact.email!, name: contact.name })),
        link,
        pdf
      )
    )
  }
}
