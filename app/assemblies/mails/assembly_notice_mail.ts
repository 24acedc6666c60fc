import { DateTime } from 'luxon'
import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import type { NoticeDocument } from '#assemblies/documents/assembly_documents'
import { formatDate, formatDateTime } from '#shared/formatting'
import { DANISH_ZONE } from '#shared/danish_time'

/** The indkaldelse to one member: date, place or link, agenda, deadline, its personal link. */
export default class AssemblyNoticeMail extends BaseMail {
  constructor(
    private notice: NoticeDocument,
    private organisation: string,
    private recipients: { email: string; name: string }[],
    private link: string,
    private pdf: Buffer
  ) {
    super()
  }

  prepare() {
    const i18n = i18nManager.locale('da')
    const { assembly, association } = this.notice
    const data = {
      i18n,
      names: this.recipients.map((recipient) => recipient.name).join(' og '),
      organisation: this.organisation,
      association: association.name,
      title: assembly.title,
      when: formatDateTime(DateTime.fromISO(assembly.startsAt)),
      place: assembly.place,
      meetingUrl: assembly.meetingUrl,
      deadline: assembly.motionDeadline
        ? formatDate(DateTime.fromISO(assembly.motionDeadline, { zone: DANISH_ZONE }))
        : null,
      agenda: this.notice.agenda,
      link: this.link,
    }
    for (const recipient of this.recipients) this.message.to(recipient.email, recipient.name)
    if (association.email) this.message.replyTo(association.email, association.name)
    this.message
      .subject(i18n.t('assemblies.mail.notice.subject', { title: assembly.title, when: data.when }))
      .htmlView('emails/assembly_notice_html', data)
      .textView('emails/assembly_notice_text', data)
      .attachData(this.pdf, { filename: 'indkaldelse.pdf', contentType: 'application/pdf' })
  }
}
