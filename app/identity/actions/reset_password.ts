import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import UserToken from '#identity/models/user_token'
import type User from '#identity/models/user'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { Actors } from '#audit/actor'
import { hashToken } from '#shared/tokens'

export type ResetPasswordResult = { status: 'reset'; user: User } | { status: 'invalid_link' }

/** Sets the password from a reset or invitation link and spends the link. */
export class ResetPassword {
  async handle(input: {
    token: string
    password: string
    ip: string | null
  }): Promise<ResetPasswordResult> {
    return db.transaction(async (trx) => {
      const link = await UserToken.query({ client: trx })
        .where('token_hash', hashToken(input.token))
        .preload('user')
        .first()
      if (!link || !link.isUsable() || !link.user.isActive)
        return { status: 'invalid_link' as const }

      link.usedAt = DateTime.now()
      await link.useTransaction(trx).save()

      const user = link.user
      user.password = input.password
      await user.useTransaction(trx).save()

      await recordAuditEvent(trx, Actors.user(user, input.ip), {
        module: 'identity',
        action: link.purpose === 'invitation' ? 'invitation.accepted' : 'password.reset',
        details: { email: user.email },
        subject: { type: 'user', id: user.id },
      })
      return { status: 'reset' as const, user }
    })
  }
}
