import Organisation from '#members/models/organisation'
import type Contact from '#members/models/contact'

/** Who receives a member's notice: its delegates, or its primary contact when it names none. */
export function noticeRecipientsOf(contacts: Contact[]) {
  const current = contacts.filter((contact) => !contact.erasedAt && contact.email)
  const delegates = current.filter((contact) => contact.isDelegate)
  return delegates.length ? delegates : current.filter((contact) => contact.isPrimary)
}

/** Every active member with the addresses its notice goes to, as the send page shows them. */
export async function listNoticeRecipients() {
  const organisations = await Organisation.query()
    .where('status', 'active')
    .preload('contacts')
    .orderBy('name')
  return organisations.map((organisation) => ({
    id: organisation.id,
    name: organisation.name,
    addresses: noticeRecipientsOf(organisation.contacts).map((contact) => contact.email!),
  }))
}
