import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import Ballot from '#assemblies/models/ballot'
import { FreezeVotingRegister } from '#assemblies/actions/freeze_voting_register'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { supportsRowLocks } from '#shared/row_locks'

/**
 * The dirigent closes the assembly; an open ballot must be closed first.
 * The voting register is frozen in the same transaction, so the record of
 * the day is exactly the register the assembly closed with.
 */
export class CloseAssembly {
  async handle(assemblyId: number, actor: Actor) {
    // Read first: on SQLite the transaction holds the only connection.
    const statutes = await getAssociationSettings()
    return db.transaction(async (trx) => {
      // Check-ins and proxies take the same lock, so none lands after the register is frozen.
      const query = Assembly.query({ client: trx }).where('id', assemblyId)
      if (supportsRowLocks(trx)) query.forUpdate()
      const assembly = await query.firstOrFail()
      if (assembly.status === 'closed') return { status: 'already_closed' as const }
      const open = await Ballot.query({ client: trx })
        .where('assembly_id', assembly.id)
        .where('status', 'open')
        .first()
      if (open) return { status: 'ballot_open' as const }
      const now = DateTime.now()
      assembly.merge({ status: 'closed', closedAt: now, openedAt: assembly.openedAt ?? now })
      await assembly.useTransaction(trx).save()
      await new FreezeVotingRegister().handle(assembly, statutes, trx)
      await recordAuditEvent(trx, actor, {
        module: 'assemblies',
        action: 'assembly.closed',
        details: { title: assembly.title },
        subject: { type: 'assembly', id: assembly.id },
      })
      return { status: 'closed' as const }
    })
  }
}
