import db from '@adonisjs/lucid/services/db'
import { sqlTimestamp } from '#shared/sql_time'
import MemberLoginToken from '#members/models/member_login_token'
import type Contact from '#members/models/contact'
import { memberActor, PORTAL_STATUSES } from '#members/portal_access'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { hashToken, isLinkToken } from '#shared/tokens'

export type LogInMemberResult = { status: 'ok'; contact: Contact } | { status: 'invalid_link' }

/** Spends a portal link: once, within its time, for a contact still in office. */
export class LogInMember {
  async handle(input: {
    token: string
    ip: string | null
    userAgent?: string | null
  }): Promise<LogInMemberResult> {
    if (!isLinkToken(input.token)) return { status: 'invalid_link' }
    return db.transaction(async (trx) => {
      const link = await MemberLoginToken.query({ client: trx })
        .where('token_hash', hashToken(input.token))
        .whereNull('used_at')
        .where('expires_at', '>', sqlTimestamp())
        .preload('contact', (contact) => contact.preload('organisation'))
        .first()
      const contact = link?.contact
      const usable =
        contact &&
        !contact.erasedAt &&
        (PORTAL_STATUSES as readonly string[]).includes(contact.organisation.status)
      if (!link || !contact || !usable) return { status: 'invalid_link' as const }

      // A conditional update, so that two clicks cannot both log in.
      const spent = await trx
        .from('member_login_tokens')
        .where('id', link.id)
        .whereNull('used_at')
        .update({ used_at: sqlTimestamp() })
      if (Number(spent) !== 1) return { status: 'invalid_link' as const }

      await recordAuditEvent(trx, memberActor(contact, contact.organisation, input), {
        module: 'members',
        action: 'member.logged_in',
        details: { name: contact.name, organisation: contact.organisation.name },
        subject: { type: 'organisation', id: contact.organisationId },
      })
      return { status: 'ok' as const, contact }
    })
  }
}
