import db from '@adonisjs/lucid/services/db'
import Organisation from '#members/models/organisation'
import Contact from '#members/models/contact'
import type { Actor } from '#audit/actor'
import { diffFields, recordAuditEvent } from '#audit/actions/record_audit_event'
import { DateTime } from 'luxon'

export type ContactInput = {
  name: string
  title: string | null
  email: string | null
  phone: string | null
  isPrimary: boolean
  isBilling: boolean
  isDelegate: boolean
  isNewsletter: boolean
}

export type SaveContactResult =
  | { status: 'saved' | 'unchanged'; contact: Contact }
  | { status: 'not_found' }
  | { status: 'primary_required' }

/**
 * Adds or changes a contact person. One contact is the primary one: naming a
 * new primary takes the role from the old, and the last primary of an active
 * member cannot give it up.
 */
export class SaveContact {
  async handle(
    target: { organisationId: number; contactId?: number },
    input: ContactInput,
    actor: Actor
  ): Promise<SaveContactResult> {
    return db.transaction(async (trx) => {
      const organisation = await Organisation.findOrFail(target.organisationId, { client: trx })
      const contacts = await Contact.query({ client: trx })
        .where('organisation_id', organisation.id)
        .whereNull('erased_at')
      const contact = target.contactId
        ? contacts.find((candidate) => candidate.id === target.contactId)
        : new Contact()
      if (!contact) return { status: 'not_found' as const }

      const otherPrimary = contacts.some((other) => other.isPrimary && other.id !== contact.id)
      if (!input.isPrimary && !otherPrimary && organisation.status === 'active') {
        return { status: 'primary_required' as const }
      }

      const changes = contact.$isPersisted ? diffFields(contact.$attributes, input) : null
      if (contact.$isPersisted && !changes) return { status: 'unchanged' as const, contact }

      if (input.isPrimary) {
        for (const other of contacts.filter((c) => c.isPrimary && c.id !== contact.id)) {
          other.isPrimary = false
          await other.useTransaction(trx).save()
        }
      }
      const isNew = !contact.$isPersisted
      contact.merge({ ...input, organisationId: organisation.id })
      await contact.useTransaction(trx).save()

      if (actor.type === 'member_contact') {
        organisation.changedByMemberAt = DateTime.now()
        await organisation.useTransaction(trx).save()
      }
      await recordAuditEvent(trx, actor, {
        module: 'members',
        action: isNew ? 'contact.added' : 'contact.updated',
        details: { name: contact.name, organisation: organisation.name },
        subject: { type: 'organisation', id: organisation.id },
        changes,
      })
      return { status: 'saved' as const, contact }
    })
  }
}
