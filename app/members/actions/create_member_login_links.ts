import { DateTime } from 'luxon'
import Contact from '#members/models/contact'
import MemberLoginToken from '#members/models/member_login_token'
import { MEMBER_LINK_MINUTES, PORTAL_STATUSES } from '#members/portal_access'
import { generateToken, hashToken } from '#shared/tokens'
import { absoluteUrlFor } from '#shared/absolute_url'

export type MemberLoginLink = { contact: Contact; url: string }

/**
 * Fresh single-use portal links for the contacts with this e-mail, one per
 * organisation they speak for. Earlier unused links stop working.
 */
export class CreateMemberLoginLinks {
  async forEmail(email: string) {
    const contacts = await Contact.query()
      .where('email', email.trim().toLowerCase())
      .whereNull('erased_at')
      .whereHas('organisation', (organisation) =>
        organisation.whereIn('status', [...PORTAL_STATUSES])
      )
      .preload('organisation')
    return this.forContacts(contacts)
  }

  async forContacts(contacts: Contact[]): Promise<MemberLoginLink[]> {
    const links: MemberLoginLink[] = []
    for (const contact of contacts) {
      await MemberLoginToken.query().where('contact_id', contact.id).whereNull('used_at').delete()
      const token = generateToken()
      await MemberLoginToken.create({
        contactId: contact.id,
        tokenHash: hashToken(token),
        expiresAt: DateTime.now().plus({ minutes: MEMBER_LINK_MINUTES }),
      })
      links.push({ contact, url: absoluteUrlFor('portal_session.show_link', { token }) })
    }
    return links
  }
}
