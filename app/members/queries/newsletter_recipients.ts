import Contact from '#members/models/contact'
import { listsForMember } from '#newsletters/queries/lists_for_member'

/**
 * The organisation's contacts as the primary contact sees them on the
 * newsletter page: those named as recipients, with where each address stands
 * on the lists offered to members, and the others who could be named.
 */
export async function organisationRecipients(organisationId: number) {
  const contacts = await Contact.query()
    .where('organisation_id', organisationId)
    .whereNull('erased_at')
    .orderBy('name')
  const recipients = await Promise.all(
    contacts
      .filter((contact) => contact.isNewsletter)
      .map(async (contact) => ({
        contact,
        ...(contact.email
          ? await listsForMember(contact.email)
          : { offers: [], blocked: false, suppressedReason: null }),
      }))
  )
  return {
    recipients,
    candidates: contacts.filter((contact) => !contact.isNewsletter && contact.email),
  }
}
