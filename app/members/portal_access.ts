import { AuthorizationResponse, errors } from '@adonisjs/bouncer'
import type Contact from '#members/models/contact'
import type Organisation from '#members/models/organisation'
import type { Actor, Origin } from '#audit/actor'

/** Portal links last half an hour. */
export const MEMBER_LINK_MINUTES = 30

/** Organisations whose contacts may use the portal: applicants and members. */
export const PORTAL_STATUSES = ['applicant', 'active'] as const

/**
 * What a contact may do in the portal, by the organisation's status: a
 * member everything, an applicant only its application and its details,
 * anyone else (resigned, expelled, rejected) nothing.
 */
export function portalAccess(status: string): 'member' | 'applicant' | null {
  if (status === 'active') return 'member'
  if (status === 'applicant') return 'applicant'
  return null
}

/** How a member contact appears in the audit log: who, and for which organisation. */
export function memberActor(
  contact: Contact,
  organisation: Organisation,
  origin?: Origin | null
): Actor {
  return {
    type: 'member_contact',
    id: contact.id,
    label: `${contact.email ?? contact.name} (${organisation.name})`,
    ip: origin?.ip ?? null,
    userAgent: origin?.userAgent ?? null,
  }
}

/**
 * A newsletter recipient subscribes and unsubscribes only their own address;
 * the primary contact names who the organisation's recipients are.
 */
export function hasNewsletterRole(contact: Contact) {
  return contact.isNewsletter && Boolean(contact.email)
}

export function authorizeNewsletterRole(contact: Contact) {
  if (!hasNewsletterRole(contact))
    throw new errors.E_AUTHORIZATION_FAILURE(AuthorizationResponse.deny('Access denied', 403))
}

/** The primary contact manages who at the organisation receives the newsletters. */
export function mayManageRecipients(contact: Contact) {
  return contact.isPrimary
}

/** The newsletter page: for recipients (their own address) and the primary contact. */
export function authorizeNewsletterPage(contact: Contact) {
  if (!hasNewsletterRole(contact) && !mayManageRecipients(contact))
    throw new errors.E_AUTHORIZATION_FAILURE(AuthorizationResponse.deny('Access denied', 403))
}

export function authorizeRecipientManagement(contact: Contact) {
  if (!mayManageRecipients(contact))
    throw new errors.E_AUTHORIZATION_FAILURE(AuthorizationResponse.deny('Access denied', 403))
}
