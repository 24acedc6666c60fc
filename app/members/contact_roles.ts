import type Contact from '#members/models/contact'

/**
 * Who receives an organisation's invoices: its billing contacts, or the
 * primary contact when none is named. Erased people receive nothing.
 */
export function billingRecipients(contacts: Contact[]) {
  const current = contacts.filter((contact) => !contact.erasedAt)
  const billing = current.filter((contact) => contact.isBilling)
  return billing.length ? billing : current.filter((contact) => contact.isPrimary)
}
