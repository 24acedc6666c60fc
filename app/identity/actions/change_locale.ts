import db from '@adonisjs/lucid/services/db'
import type User from '#identity/models/user'
import type { Locale } from '#identity/roles'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { Actors } from '#audit/actor'

/** A staff user's language; visitors keep theirs in a cookie and change no data. */
export class ChangeLocale {
  async handle(input: {
    user: User
    locale: Locale
    ip: string | null
    userAgent?: string | null
  }) {
    const { user } = input
    if (user.locale === input.locale) return { status: 'unchanged' as const }
    const previous = user.locale
    await db.transaction(async (trx) => {
      user.locale = input.locale
      await user.useTransaction(trx).save()
      await recordAuditEvent(trx, Actors.user(user, input), {
        module: 'identity',
        action: 'user.locale_changed',
        details: { email: user.email, locale: input.locale },
        subject: { type: 'user', id: user.id },
        changes: { locale: { from: previous, to: input.locale } },
      })
    })
    return { status: 'changed' as const }
  }
}
