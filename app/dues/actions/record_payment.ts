import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Invoice from '#dues/models/invoice'
import Payment, { type PaymentMethod } from '#dues/models/payment'
import { balanceOf } from '#dues/queries/invoice_balances'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { supportsRowLocks } from '#shared/row_locks'
import { booksClosedThrough, isInClosedPeriod } from '#dues/rules/closed_books'

export type RecordPaymentResult =
  | { status: 'recorded'; payment: Payment; balanceOre: number }
  | { status: 'overpayment'; balanceOre: number }
  | { status: 'not_payable' }
  | { status: 'period_closed'; closedThrough: string }
  /** The invoice no longer owes what the caller saw (paid, reminded or credited since). */
  | { status: 'balance_changed'; balanceOre: number }

export type RecordPaymentInput = {
  invoiceId: number
  amountOre: number
  paidOn: DateTime
  method: PaymentMethod
  note: string | null
  /** The bank entry the money came in on; its transfer may pay more than is owed. */
  bankEntryId?: number
  /** What the invoice owed when the payment was matched to it; booked only if it still does. */
  expectedBalanceOre?: number
}

/**
 * A payment, full or partial, against one invoice. More than is owed is
 * refused when typed in by hand; money that did arrive on a bank entry is
 * recorded as it came, an over-payment leaving the member a credit.
 */
export class RecordPayment {
  async handle(input: RecordPaymentInput, actor: Actor): Promise<RecordPaymentResult> {
    return db.transaction((trx) => recordPaymentIn(trx, input, actor))
  }
}

/** The payment in the caller's transaction, so a bank import can record many or none. */
export async function recordPaymentIn(
  trx: TransactionClientContract,
  input: RecordPaymentInput,
  actor: Actor
): Promise<RecordPaymentResult> {
  // Locks the invoice so two payments entered at once cannot both fit the balance.
  const query = Invoice.query({ client: trx }).where('id', input.invoiceId).preload('organisation')
  if (supportsRowLocks(trx)) query.forUpdate()
  const invoice = await query.firstOrFail()
  if (invoice.kind !== 'invoice') return { status: 'not_payable' }
  const closedThrough = await booksClosedThrough(trx)
  if (closedThrough && isInClosedPeriod(input.paidOn.toISODate()!, closedThrough)) {
    return { status: 'period_closed', closedThrough }
  }
  const balance = await balanceOf(invoice, danishToday(), trx)
  if (balance.credited) return { status: 'not_payable' }
  if (input.expectedBalanceOre !== undefined && balance.balanceOre !== input.expectedBalanceOre) {
    return { status: 'balance_changed', balanceOre: balance.balanceOre }
  }
  if (input.amountOre > balance.balanceOre && input.bankEntryId === undefined) {
    return { status: 'overpayment', balanceOre: balance.balanceOre }
  }
  const payment = await Payment.create(
    {
      invoiceId: invoice.id,
      amountOre: input.amountOre,
      paidOn: input.paidOn,
      method: input.method,
      note: input.note,
      bankEntryId: input.bankEntryId ?? null,
      recordedBy: actor.label,
    },
    { client: trx }
  )
  await recordAuditEvent(trx, actor, {
    module: 'dues',
    action: 'payment.recorded',
    details: {
      number: invoice.number,
      organisation: invoice.organisation.name,
      amount: (input.amountOre / 100).toFixed(2),
    },
    subject: { type: 'invoice', id: invoice.id },
  })
  return { status: 'recorded', payment, balanceOre: balance.balanceOre - input.amountOre }
}
