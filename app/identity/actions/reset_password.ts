import db from '@adonisjs/lucid/services/db'
import { sqlTimestamp } from '#shared/sql_time'
import type User from '#identity/models/user'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { Actors } from '#audit/actor'
import { findUsableToken } from '#identity/queries/find_usable_token'

export type ResetPasswordResult = { status: 'reset'; user: User } | { status: 'invalid_link' }

/** Sets the password from a reset or invitation link and spends the link. */
export class ResetPassword {
  async handle(input: {
    token: string
    password: string
    ip: string | null
    userAgent?: string | null
  }): Promise<ResetPasswordResult> {
    return db.transaction(async (trx) => {
      const link = await findUsableToken(input.token, trx)
      if (!link) return { status: 'invalid_link' as const }

      // Spent by a conditional update, so that two submissions of one link
      // cannot both succeed, on SQLite and MySQL alike.
      const spent = await trx
        .from('user_tokens')
        .where('id', link.id)
        .whereNull('used_at')
        .update({ used_at: sqlTimestamp() })
      if (Number(spent) !== 1) return { status: 'invalid_link' as const }

      const user = link.user
      user.password = input.password
      await user.useTransaction(trx).save()

      await recordAuditEvent(trx, Actors.user(user, input), {
        module: 'identity',
        action: link.purpose === 'invitation' ? 'invitation.accepted' : 'password.reset',
        details: { email: user.email },
        subject: { type: 'user', id: user.id },
      })
      return { status: 'reset' as const, user }
    })
  }
}
