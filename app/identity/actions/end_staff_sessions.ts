import db from '@adonisjs/lucid/services/db'
import type User from '#identity/models/user'
import type { Actor } from '#audit/actor'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { endSessions } from '#identity/sessions'

export type SessionEndReason =
  | 'password_changed'
  | 'password_reset'
  | 'role_changed'
  | 'deactivated'
  | 'ended_by_admin'
  | 'ended_by_user'

/**
 * Ends every session of a staff user at once (but `keep`, the session of a
 * user who ends their other ones), and says so in the log.
 */
export class EndStaffSessions {
  async handle(
    input: { user: User; reason: SessionEndReason; keep?: string },
    actor: Actor
  ): Promise<{ ended: number }> {
    const ended = await endSessions({ kind: 'staff', id: input.user.id }, input.keep)
    await db.transaction(async (trx) => {
      await recordAuditEvent(trx, actor, {
        module: 'identity',
        action: 'user.sessions_ended',
        details: { email: input.user.email, count: ended, reason: input.reason },
        subject: { type: 'user', id: input.user.id },
      })
    })
    return { ended }
  }
}
