import db from '@adonisjs/lucid/services/db'
import User from '#identity/models/user'
import type { Role } from '#identity/roles'
import type { Actor } from '#audit/actor'
import { diffFields, recordAuditEvent } from '#audit/actions/record_audit_event'

export type UpdateStaffUserInput = {
  userId: number
  fullName: string
  role: Role
  isActive: boolean
}

export type UpdateStaffUserResult = { status: 'updated' | 'unchanged'; user: User }

export class UpdateStaffUser {
  async handle(input: UpdateStaffUserInput, actor: Actor): Promise<UpdateStaffUserResult> {
    return db.transaction(async (trx) => {
      const user = await User.query({ client: trx }).where('id', input.userId).firstOrFail()
      const changes = diffFields(
        { fullName: user.fullName, role: user.role, isActive: user.isActive },
        { fullName: input.fullName.trim(), role: input.role, isActive: input.isActive }
      )
      if (!changes) return { status: 'unchanged' as const, user }

      user.merge({ fullName: input.fullName.trim(), role: input.role, isActive: input.isActive })
      await user.useTransaction(trx).save()
      await recordAuditEvent(trx, actor, {
        module: 'identity',
        action: 'user.updated',
        details: { email: user.email },
        subject: { type: 'user', id: user.id },
        changes,
      })
      return { status: 'updated' as const, user }
    })
  }
}
