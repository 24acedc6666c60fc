import db from '@adonisjs/lucid/services/db'
import User from '#identity/models/user'
import type { Locale, Role } from '#identity/roles'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'

export type CreateStaffUserInput = {
  fullName: string
  email: string
  role: Role
  /** Null for an invited person, who chooses it from the invitation link. */
  password: string | null
  locale?: Locale
}

export type CreateStaffUserResult = { status: 'created'; user: User } | { status: 'email_taken' }

/** A staff account: the first admin and demo accounts with a password, invited people without. */
export class CreateStaffUser {
  async handle(input: CreateStaffUserInput, actor: Actor): Promise<CreateStaffUserResult> {
    const email = input.email.trim().toLowerCase()
    return db.transaction(async (trx) => {
      const existing = await User.query({ client: trx }).where('email', email).first()
      if (existing) return { status: 'email_taken' as const }

      const user = await User.create(
        {
          fullName: input.fullName.trim(),
          email,
          role: input.role,
          // Left unset rather than null, so the password hashing hook has nothing to hash.
          ...(input.password ? { password: input.password } : {}),
          locale: input.locale ?? 'da',
          isActive: true,
        },
        { client: trx }
      )
      await recordAuditEvent(trx, actor, {
        module: 'identity',
        action: input.password ? 'user.created' : 'user.invited',
        details: { email, role: input.role },
        subject: { type: 'user', id: user.id },
      })
      return { status: 'created' as const, user }
    })
  }
}
