import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import BookedBankEntry, { type MatchedBy } from '#dues/models/booked_bank_entry'
import { recordPaymentIn } from '#dues/actions/record_payment'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

export type EntryAllocation = {
  invoiceId: number
  amountOre: number
  /** For a match made at import: what the invoice owed then, which it must still owe. */
  expectedBalanceOre?: number
}

export type MatchBankEntryResult =
  | { status: 'matched'; invoiceIds: number[] }
  /** Someone matched it, or said it is no dues payment, since the page was shown. */
  | { status: 'not_open' }
  | { status: 'amounts_differ'; entryOre: number; allocatedOre: number }
  | { status: 'period_closed'; closedThrough: string }
  | { status: 'not_payable'; invoiceId: number }
  | { status: 'balance_changed'; invoiceId: number }

/**
 * The treasurer's decision for one incoming entry: the invoices it pays and
 * how much of it each gets. The parts add up to the entry; one invoice may
 * get less than it owes (a part payment) or more (an over-payment, left to
 * the member's credit).
 */
export class MatchBankEntry {
  async handle(
    input: { entryId: number; allocations: EntryAllocation[] },
    actor: Actor
  ): Promise<MatchBankEntryResult> {
    return db.transaction((trx) =>
      matchEntryIn(trx, input.entryId, input.allocations, 'treasurer', actor)
    )
  }
}

/**
 * Pays the invoices in the caller's transaction. The entry leaves 'open' by
 * a conditional update first: of two requests deciding the same entry at
 * once, only one finds it open, so its money is never counted twice.
 */
export async function matchEntryIn(
  trx: TransactionClientContract,
  entryId: number,
  allocations: EntryAllocation[],
  matchedBy: MatchedBy,
  actor: Actor
): Promise<MatchBankEntryResult> {
  const entry = await BookedBankEntry.find(entryId, { client: trx })
  if (!entry || entry.state !== 'open') return { status: 'not_open' }
  const allocatedOre = allocations.reduce((sum, part) => sum + part.amountOre, 0)
  if (allocatedOre !== entry.amountOre || allocations.some((part) => part.amountOre <= 0)) {
    return { status: 'amounts_differ', entryOre: entry.amountOre, allocatedOre }
  }
  const taken = await trx
    .from('bank_entries')
    .where({ id: entryId, state: 'open' })
    .update({ state: 'matched', match_reason: matchedBy })
  if (Number(taken) !== 1) return { status: 'not_open' }

  const savepoint = await trx.transaction()
  for (const part of allocations) {
    const result = await recordPaymentIn(
      savepoint,
      {
        invoiceId: part.invoiceId,
        amountOre: part.amountOre,
        paidOn: DateTime.fromISO(entry.bookingDate.toISODate()!),
        method: 'bank_transfer',
        note: `Bank: ${entry.text}`.slice(0, 300),
        bankEntryId: entry.id,
        expectedBalanceOre: part.expectedBalanceOre,
      },
      actor
    )
    if (result.status === 'recorded') continue
    await savepoint.rollback()
    await trx
      .from('bank_entries')
      .where('id', entryId)
      .update({ state: 'open', match_reason: null })
    if (result.status === 'period_closed') return result
    if (result.status === 'balance_changed') {
      return { status: 'balance_changed', invoiceId: part.invoiceId }
    }
    return { status: 'not_payable', invoiceId: part.invoiceId }
  }
  await savepoint.commit()
  await recordAuditEvent(trx, actor, {
    module: 'dues',
    action: 'bank.matched',
    details: { ...entry.auditDetails(), by: matchedBy },
    subject: { type: 'bank_entry', id: entry.id },
  })
  return { status: 'matched', invoiceIds: allocations.map((part) => part.invoiceId) }
}
