import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import Ballot from '#assemblies/models/ballot'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

/** The dirigent closes the assembly; an open ballot must be closed first. */
export class CloseAssembly {
  async handle(assemblyId: number, actor: Actor) {
    return db.transaction(async (trx) => {
      const assembly = await Assembly.findOrFail(assemblyId, { client: trx })
      if (assembly.status === 'closed') return { status: 'already_closed' as const }
      const open = await Ballot.query({ client: trx })
        .where('assembly_id', assembly.id)
        .where('status', 'open')
        .first()
      if (open) return { status: 'ballot_open' as const }
      const now = DateTime.now()
      assembly.merge({ status: 'closed', closedAt: now, openedAt: assembly.openedAt ?? now })
      await assembly.useTransaction(trx).save()
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
