import db from '@adonisjs/lucid/services/db'
import type User from '#identity/models/user'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import SendAccountLinkJob from '#identity/jobs/send_account_link_job'

/** A new invitation link for someone who has not chosen a password yet. */
export class ResendStaffInvitation {
  async handle(user: User, actor: Actor): Promise<{ status: 'sent' | 'already_active' }> {
    if (user.password) return { status: 'already_active' }
    await db.transaction(async (trx) => {
      await recordAuditEvent(trx, actor, {
        module: 'identity',
        action: 'user.invitation_resent',
        details: { email: user.email },
        subject: { type: 'user', id: user.id },
      })
    })
    await SendAccountLinkJob.dispatch({ userId: user.id, purpose: 'invitation' })
    return { status: 'sent' }
  }
}
