import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import mail from '@adonisjs/mail/services/main'
import Contact from '#members/models/contact'
import { CreateMemberLoginLinks } from '#members/actions/create_member_login_links'
import MemberLoginLinkMail from '#members/mails/member_login_link_mail'

/** Carries contact ids; the links are made here, so no token waits in the queue. */
export default class SendMemberLoginLinkJob extends Job<{
  contactIds: number[]
  purpose: 'login' | 'welcome'
}> {
  static options: JobOptions = { queue: 'default', maxRetries: 3 }

  async execute() {
    const contacts = await Contact.query()
      .whereIn('id', this.payload.contactIds)
      .whereNull('erased_at')
      .preload('organisation')
    if (!contacts.length || !contacts[0].email) return
    const links = await new CreateMemberLoginLinks().forContacts(contacts)
    await mail.send(
      new MemberLoginLinkMail(contacts[0].email, contacts[0].name, links, this.payload.purpose)
    )
  }
}
