import db from '@adonisjs/lucid/services/db'
import User from '#identity/models/user'
import type { Locale, Role } from '#identity/roles'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import SendAccountLinkJob from '#identity/jobs/send_account_link_job'

export type InviteStaffUserInput = { fullName: string; email: string; role: Role; locale: Locale }

export type InviteStaffUserResult = { status: 'invited'; user: User } | { status: 'email_taken' }

/** An admin invites a person: the account exists at once, the password is theirs to choose. */
export class InviteStaffUser {
  async handle(input: InviteStaffUserInput, actor: Actor): Promise<InviteStaffUserResult> {
    const email = input.email.trim().toLowerCase()
    const result = await db.transaction(async (trx) => {
      const existing = await User.query({ client: trx }).where('email', email).first()
      if (existing) return { status: 'email_taken' as const }

      const user = await User.create(
        {
          fullName: input.fullName.trim(),
          email,
          role: input.role,
          locale: input.locale,
          isActive: true,
        },
        { client: trx }
      )
      await recordAuditEvent(trx, actor, {
        module: 'identity',
        action: 'user.invited',
        details: { email, role: input.role },
        subject: { type: 'user', id: user.id },
      })
      return { status: 'invited' as const, user }
    })

    // After the commit, so that the worker finds the user it is given.
    if (result.status === 'invited') {
      await SendAccountLinkJob.dispatch({ userId: result.user.id, purpose: 'invitation' })
    }
    return result
  }
}
