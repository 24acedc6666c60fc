import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import type User from '#identity/models/user'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { Actors } from '#audit/actor'

export type ChangePasswordResult = { status: 'changed' } | { status: 'wrong_current_password' }

export class ChangePassword {
  async handle(input: {
    user: User
    currentPassword: string
    newPassword: string
    ip: string | null
    userAgent?: string | null
  }): Promise<ChangePasswordResult> {
    const { user } = input
    if (!user.password || !(await hash.verify(user.password, input.currentPassword))) {
      return { status: 'wrong_current_password' }
    }
    await db.transaction(async (trx) => {
      user.password = input.newPassword
      await user.useTransaction(trx).save()
      await recordAuditEvent(trx, Actors.user(user, input), {
        module: 'identity',
        action: 'password.changed',
        details: { email: user.email },
        subject: { type: 'user', id: user.id },
      })
    })
    return { status: 'changed' }
  }
}
