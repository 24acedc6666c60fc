import db from '@adonisjs/lucid/services/db'
import User from '#identity/models/user'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import SendAccountLinkJob from '#identity/jobs/send_account_link_job'
import { Actors } from '#audit/actor'

/**
 * Queues a reset link for an active account. The caller answers the same
 * whether or not the address is known, so the form reveals no accounts.
 */
export class RequestPasswordReset {
  async handle(input: {
    email: string
    ip: string | null
    userAgent?: string | null
  }): Promise<{ status: 'queued' | 'unknown_address' }> {
    const email = input.email.trim().toLowerCase()
    const user = await User.query().where('email', email).where('is_active', true).first()
    if (!user) return { status: 'unknown_address' }

    await db.transaction(async (trx) => {
      await recordAuditEvent(trx, Actors.system('password reset form', input), {
        module: 'identity',
        action: 'password.reset_requested',
        details: { email },
        subject: { type: 'user', id: user.id },
      })
    })
    await SendAccountLinkJob.dispatch({ userId: user.id, purpose: 'password_reset' })
    return { status: 'queued' }
  }
}
