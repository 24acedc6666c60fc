import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import User from '#identity/models/user'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { Actors } from '#audit/actor'

export type LogInResult = { status: 'ok'; user: User } | { status: 'invalid_credentials' }

/**
 * Checks the credentials of an active account and records the login. The
 * session itself is the controller's business.
 */
export class LogIn {
  async handle(input: {
    email: string
    password: string
    ip: string | null
  }): Promise<LogInResult> {
    let user: User
    try {
      user = await User.verifyCredentials(input.email.trim().toLowerCase(), input.password)
    } catch {
      return { status: 'invalid_credentials' }
    }
    if (!user.isActive || !user.password) return { status: 'invalid_credentials' }

    await db.transaction(async (trx) => {
      user.lastLoginAt = DateTime.now()
      await user.useTransaction(trx).save()
      await recordAuditEvent(trx, Actors.user(user, input.ip), {
        module: 'identity',
        action: 'user.logged_in',
        details: { email: user.email },
        subject: { type: 'user', id: user.id },
      })
    })
    return { status: 'ok', user }
  }
}
