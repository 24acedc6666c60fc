import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { randomBytes } from 'node:crypto'
import hash from '@adonisjs/core/services/hash'
import User from '#identity/models/user'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { Actors } from '#audit/actor'

let standIn: Promise<string> | null = null

/** A hash of a random password, made once per process, to check against when there is none. */
function standInHash() {
  standIn ??= hash.make(randomBytes(24).toString('base64url'))
  return standIn
}

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
    userAgent?: string | null
  }): Promise<LogInResult> {
    const user = await User.findBy('email', input.email.trim().toLowerCase())
    // One full password check on every path: an unknown address, an invited
    // account without a password and a deactivated one take as long as a
    // wrong password, so the answer's timing says nothing about the account.
    const stored = user?.password ?? (await standInHash())
    const matches = await hash.verify(stored, input.password)
    if (!user || !user.password || !user.isActive || !matches) {
      return { status: 'invalid_credentials' }
    }

    await db.transaction(async (trx) => {
      user.lastLoginAt = DateTime.now()
      await user.useTransaction(trx).save()
      await recordAuditEvent(trx, Actors.user(user, input), {
        module: 'identity',
        action: 'user.logged_in',
        details: { email: user.email },
        subject: { type: 'user', id: user.id },
      })
    })
    return { status: 'ok', user }
  }
}
