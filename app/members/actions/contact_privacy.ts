import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Contact from '#members/models/contact'
import MemberLoginToken from '#members/models/member_login_token'
import AuditEvent from '#audit/models/audit_event'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { danishIso } from '#shared/danish_time'

export const ERASED = '[slettet]'

/** Audit events that speak of this person: as the one who acted, or by name or address. */
async function eventsAbout(contact: Contact, client?: TransactionClientContract) {
  const needles = [contact.email, contact.name].filter((value): value is string => Boolean(value))
  return AuditEvent.query({ client })
    .where((match) => {
      match.where((actor) =>
        actor.where('actor_type', 'member_contact').where('actor_id', contact.id)
      )
      for (const needle of needles) {
        match.orWhere('details', 'like', `%${needle}%`).orWhere('changes', 'like', `%${needle}%`)
        match.orWhere('actor_label', 'like', `%${needle}%`)
      }
    })
    .orderBy('id')
}

async function findContact(
  target: { organisationId: number; contactId: number },
  client?: TransactionClientContract
) {
  return Contact.query({ client })
    .where('id', target.contactId)
    .where('organisation_id', target.organisationId)
    .preload('organisation')
    .first()
}

/** Everything Kreds holds about one contact person, for a request under GDPR art. 15. */
export class ExportContactData {
  async handle(target: { organisationId: number; contactId: number }, actor: Actor) {
    const contact = await findContact(target)
    if (!contact || contact.erasedAt) return { status: 'not_found' as const }

    const [links, events] = await Promise.all([
      MemberLoginToken.query().where('contact_id', contact.id).orderBy('id'),
      eventsAbout(contact),
    ])
    const data = {
      exported_at: danishIso(DateTime.now()),
      person: {
        name: contact.name,
        title: contact.title,
        email: contact.email,
        phone: contact.phone,
        roles: contact.roles,
        created_at: danishIso(contact.createdAt),
        updated_at: danishIso(contact.updatedAt),
      },
      organisation: { id: contact.organisation.id, name: contact.organisation.name },
      portal_logins: links.map((link) => ({
        created_at: danishIso(link.createdAt),
        expires_at: danishIso(link.expiresAt),
        used_at: danishIso(link.usedAt),
      })),
      audit_events: events.map((event) => ({
        at: danishIso(event.createdAt),
        by: event.actorLabel,
        action: event.action,
        details: event.details,
        changes: event.changes,
      })),
    }
    await db.transaction((trx) =>
      recordAuditEvent(trx, actor, {
        module: 'members',
        action: 'contact.data_exported',
        details: { organisation: contact.organisation.name },
        subject: { type: 'organisation', id: contact.organisationId },
      })
    )
    return { status: 'exported' as const, data, contact }
  }
}

/**
 * Name, e-mail, phone and title gone from the contact and from the audit
 * log's text, the person's login links deleted; the row stays, so the
 * organisation's history holds together. The caller logs why.
 */
export async function eraseContactDetails(contact: Contact, trx: TransactionClientContract) {
  const needles = [contact.email, contact.name].filter((value): value is string => Boolean(value))
  for (const event of await eventsAbout(contact, trx)) {
    const scrub = (text: string) =>
      needles.reduce((result, needle) => result.split(needle).join(ERASED), text)
    event.actorLabel =
      event.actorType === 'member_contact' && event.actorId === contact.id
        ? ERASED
        : scrub(event.actorLabel)
    event.details = JSON.parse(scrub(JSON.stringify(event.details)))
    event.changes = event.changes ? JSON.parse(scrub(JSON.stringify(event.changes))) : null
    await event.useTransaction(trx).save()
  }
  await MemberLoginToken.query({ client: trx }).where('contact_id', contact.id).delete()
  contact.merge({
    name: ERASED,
    title: null,
    email: null,
    phone: null,
    isPrimary: false,
    isBilling: false,
    isDelegate: false,
    isNewsletter: false,
    erasedAt: DateTime.now(),
  })
  await contact.useTransaction(trx).save()
}

/**
 * Erases a contact person on request: the row stays so the organisation's
 * history holds together, but name, e-mail, phone and title are gone, and so
 * are they from the audit log's text. The events themselves remain.
 */
export class EraseContact {
  async handle(target: { organisationId: number; contactId: number }, actor: Actor) {
    return db.transaction(async (trx) => {
      const contact = await findContact(target, trx)
      if (!contact || contact.erasedAt) return { status: 'not_found' as const }
      const wasPrimary = contact.isPrimary
      await eraseContactDetails(contact, trx)
      await recordAuditEvent(trx, actor, {
        module: 'members',
        action: 'contact.erased',
        details: { organisation: contact.organisation.name },
        subject: { type: 'organisation', id: contact.organisationId },
      })
      return { status: 'erased' as const, wasPrimary }
    })
  }
}
