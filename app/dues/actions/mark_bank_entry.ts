import db from '@adonisjs/lucid/services/db'
import BookedBankEntry from '#dues/models/booked_bank_entry'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

export type MarkBankEntryResult = { status: 'marked' } | { status: 'unchanged' }

/**
 * An incoming entry that is no dues payment (a grant, a course fee, a
 * refund) is marked so, and leaves the list of what is left to decide; the
 * mark can be taken back while the entry pays nothing.
 */
export class MarkBankEntry {
  async handle(
    input: { entryId: number; as: 'not_dues' | 'open' },
    actor: Actor
  ): Promise<MarkBankEntryResult> {
    const from = input.as === 'not_dues' ? 'open' : 'not_dues'
    return db.transaction(async (trx) => {
      const changed = await trx
        .from('bank_entries')
        .where({ id: input.entryId, state: from })
        .update({ state: input.as })
      if (Number(changed) !== 1) return { status: 'unchanged' as const }
      const entry = await BookedBankEntry.findOrFail(input.entryId, { client: trx })
      await recordAuditEvent(trx, actor, {
        module: 'dues',
        action: input.as === 'not_dues' ? 'bank.marked_not_dues' : 'bank.reopened',
        details: entry.auditDetails(),
        subject: { type: 'bank_entry', id: input.entryId },
      })
      return { status: 'marked' as const }
    })
  }
}
