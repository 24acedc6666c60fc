import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * node ace members:login-link kontakt@livsvaerk.example.org
 * Prints fresh portal links, one per organisation the contact speaks for,
 * for the secretariat to hand over by phone.
 */
export default class MembersLoginLink extends BaseCommand {
  static commandName = 'members:login-link'
  static description = 'Print a fresh member portal login link for a contact e-mail'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The contact person e-mail' })
  declare email: string

  async run() {
    const { CreateMemberLoginLinks } = await import('#members/actions/create_member_login_links')
    const { MEMBER_LINK_MINUTES } = await import('#members/portal_access')
    const links = await new CreateMemberLoginLinks().forEmail(this.email)
    if (!links.length) {
      this.logger.error(
        `No contact of an applicant or member organisation has the e-mail ${this.email}`
      )
      this.exitCode = 1
      return
    }
    for (const link of links) {
      this.logger.log(`${link.contact.organisation.name}: ${link.url}`)
    }
    this.logger.info(`Each link works once, for ${MEMBER_LINK_MINUTES} minutes.`)
  }
}
