import db from '@adonisjs/lucid/services/db'
import BookedBankEntry from '#dues/models/booked_bank_entry'
import { booksClosedThrough, isInClosedPeriod } from '#dues/rules/closed_books'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

export type UndoBankMatchResult =
  | { status: 'undone'; removedPayments: number }
  | { status: 'not_matched' }
  | { status: 'period_closed'; closedThrough: string }

/**
 * Takes back a match: the payments the entry made are removed and the entry
 * is open again, with its suggestion, for a better decision. Not once the
 * books are closed for its day: what was closed stays as it was reported.
 */
export class UndoBankMatch {
  async handle(input: { entryId: number }, actor: Actor): Promise<UndoBankMatchResult> {
    return db.transaction(async (trx) => {
      const entry = await BookedBankEntry.find(input.entryId, { client: trx })
      if (!entry || entry.state !== 'matched') return { status: 'not_matched' }
      const closedThrough = await booksClosedThrough(trx)
      if (closedThrough && isInClosedPeriod(entry.bookingDate.toISODate()!, closedThrough)) {
        return { status: 'period_closed', closedThrough }
      }
      const released = await trx
        .from('bank_entries')
        .where({ id: entry.id, state: 'matched' })
        .update({ state: 'open', match_reason: null })
      if (Number(released) !== 1) return { status: 'not_matched' }
      const payments = await trx
        .from('payments')
        .join('invoices', 'invoices.id', 'payments.invoice_id')
        .where('payments.bank_entry_id', entry.id)
        .select('payments.id', 'payments.amount_ore', 'invoices.number')
      await trx.from('payments').where('bank_entry_id', entry.id).delete()
      await recordAuditEvent(trx, actor, {
        module: 'dues',
        action: 'bank.match_undone',
        details: {
          ...entry.auditDetails(),
          invoices: payments.map((row) => String(row.number)).join(', '),
        },
        subject: { type: 'bank_entry', id: entry.id },
      })
      return { status: 'undone', removedPayments: payments.length }
    })
  }
}
