import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import Attendance from '#assemblies/models/attendance'
import { getVotingRegister } from '#assemblies/queries/voting_register'
import { checkProxy, type ProxyRefusal } from '#assemblies/rules/voting_register'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { publishRegisterChanged } from '#assemblies/live'
import { supportsRowLocks } from '#shared/row_locks'

export type GiveProxyResult =
  | { status: 'given' | 'revoked' }
  | { status: 'refused'; reason: ProxyRefusal }
  | { status: 'closed' }

/**
 * An absent organisation lets a present one vote for it (fuldmagt), within
 * the statutes' limit per holder; a null holder withdraws the proxy.
 */
export class GiveProxy {
  async handle(
    input: { assemblyId: number; giverId: number; holderId: number | null },
    actor: Actor
  ): Promise<GiveProxyResult> {
    const assembly = await Assembly.findOrFail(input.assemblyId)
    if (assembly.status === 'closed') return { status: 'closed' }
    const settings = await getAssociationSettings()
    const register = await getVotingRegister(assembly)
    const line = (id: number) => register.lines.find((entry) => entry.organisation.id === id)
    const giver = line(input.giverId)
    if (!giver) return { status: 'refused', reason: 'giver_cannot_vote' }

    if (input.holderId !== null) {
      const holder = line(input.holderId)
      const refusal = checkProxy({
        giverId: input.giverId,
        holderId: input.holderId,
        giverPresent: giver.attendance?.present ?? false,
        holderPresent: holder?.attendance?.present ?? false,
        holderMayVote: holder?.right.mayVote ?? false,
        giverMayVote: giver.right.mayVote,
        proxiesHeldByHolder: holder?.proxiesFrom.length ?? 0,
        limit: settings.proxiesPerOrganisation,
        giverHasGivenProxy: Boolean(giver.attendance?.proxyToOrganisationId),
      })
      if (refusal) return { status: 'refused', reason: refusal }
    }

    const closed = await db.transaction(async (trx) => {
      // Held against the close, which freezes the register under the same lock.
      const locking = Assembly.query({ client: trx }).where('id', assembly.id)
      if (supportsRowLocks(trx)) locking.forUpdate()
      const current = await locking.firstOrFail()
      if (current.status === 'closed') return true
      const attendance =
        (await Attendance.query({ client: trx })
          .where('assembly_id', assembly.id)
          .where('organisation_id', input.giverId)
          .first()) ?? new Attendance()
      attendance.merge({
        assemblyId: assembly.id,
        organisationId: input.giverId,
        present: attendance.present ?? false,
        proxyToOrganisationId: input.holderId,
      })
      await attendance.useTransaction(trx).save()
      const holderName = input.holderId ? (line(input.holderId)?.organisation.name ?? '') : ''
      await recordAuditEvent(trx, actor, {
        module: 'assemblies',
        action: input.holderId ? 'proxy.given' : 'proxy.revoked',
        details: { assembly: assembly.title, giver: giver.organisation.name, holder: holderName },
        subject: { type: 'assembly', id: assembly.id },
      })
      return false
    })
    if (closed) return { status: 'closed' }
    publishRegisterChanged(assembly.id)
    return { status: input.holderId ? 'given' : 'revoked' }
  }
}
