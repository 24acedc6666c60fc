import db from '@adonisjs/lucid/services/db'
import Contact from '#members/models/contact'
import { PORTAL_STATUSES } from '#members/portal_access'
import SendMemberLoginLinkJob from '#members/jobs/send_member_login_link_job'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { Actors } from '#audit/actor'

/**
 * Queues portal links for an address. The caller answers the same whether or
 * not the address belongs to a contact, so the form reveals nobody.
 */
export class RequestMemberLoginLink {
  async handle(input: {
    email: string
    ip: string | null
    userAgent?: string | null
  }): Promise<{ status: 'queued' | 'unknown_address' }> {
    const email = input.email.trim().toLowerCase()
    const contacts = await Contact.query()
      .where('email', email)
      .whereNull('erased_at')
      .whereHas('organisation', (organisation) =>
        organisation.whereIn('status', [...PORTAL_STATUSES])
      )
    if (!contacts.length) return { status: 'unknown_address' }

    await db.transaction(async (trx) => {
      for (const contact of contacts) {
        await recordAuditEvent(trx, Actors.system('member login form', input), {
          module: 'members',
          action: 'member.login_link_requested',
          details: { email },
          subject: { type: 'organisation', id: contact.organisationId },
        })
      }
    })
    await SendMemberLoginLinkJob.dispatch({
      contactIds: contacts.map((contact) => contact.id),
      purpose: 'login',
    })
    return { status: 'queued' }
  }
}
