import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Payment from '#dues/models/payment'
import type Invoice from '#dues/models/invoice'
import BookedBankEntry from '#dues/models/booked_bank_entry'
import { ImportBankStatement } from '#dues/actions/import_bank_statement'
import { MatchBankEntry } from '#dues/actions/match_bank_entry'
import { RecordPayment } from '#dues/actions/record_payment'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { fikPaymentIdFor } from '#dues/rules/fik_payment_id'
import { Actors } from '#audit/actor'
import { camt053, type CamtEntry } from '#tests/helpers/bank_statements'
import { issueInvoice, member, sellerSettings, tierWithFee } from '#tests/functional/dues/helpers'

/*
 * Set-up for the tests of the bank reconciliation's actions: members with an
 * invoice each, statements imported through the action, and short calls for
 * the treasurer's decisions.
 */

export const actor = Actors.system('test')

export function daysAgo(days: number) {
  return danishToday().minus({ days }).toISODate()!
}

/** A credit that names the invoice's FI payment ID: a sure match. */
export function fik(ref: string, invoice: Invoice, amount = '1250.00', date = daysAgo(2)) {
  return { ref, amount, date, paymentId: fikPaymentIdFor(invoice.number) } satisfies CamtEntry
}

export function plain(ref: string, amount: string, text = 'Overførsel', date = daysAgo(2)) {
  return { ref, amount, date, text } satisfies CamtEntry
}

/** Members with an invoice of 1.250,00 kr. each, issued today unless told otherwise. */
export async function invoices(howMany: number, issueDate?: DateTime) {
  await sellerSettings()
  const tier = await tierWithFee('Organisationer', 125_000)
  const issued: Invoice[] = []
  for (let index = 0; index < howMany; index++) {
    const { organisation } = await member(tier, { name: `Forening ${index + 1}` })
    issued.push(await issueInvoice(organisation, { issueDate }))
  }
  return issued
}

type CamtOptions = Parameters<typeof camt053>[1]

export function importing(entries: CamtEntry[], options: CamtOptions = {}, dryRun = false) {
  const file = Buffer.from(camt053(entries, options))
  return new ImportBankStatement().handle({ file, fileName: 'udtog.xml', dryRun }, actor)
}

/** The stored entries a statement lists, in the file's order. */
export function entriesOf(statementId: number) {
  return BookedBankEntry.query()
    .join('bank_statement_lines', 'bank_statement_lines.bank_entry_id', 'bank_entries.id')
    .where('bank_statement_lines.bank_statement_id', statementId)
    .orderBy('bank_statement_lines.line')
    .select('bank_entries.*')
}

export async function imported(entries: CamtEntry[], options: CamtOptions = {}) {
  const result = await importing(entries, options)
  if (result.status !== 'imported') throw new Error(`Not imported: ${result.status}`)
  return { ...result, stored: await entriesOf(result.statementId) }
}

export function match(entryId: number, allocations: Array<[Invoice, number]>) {
  return new MatchBankEntry().handle(
    {
      entryId,
      allocations: allocations.map(([invoice, amountOre]) => ({
        invoiceId: invoice.id,
        amountOre,
      })),
    },
    actor
  )
}

export function payByHand(invoice: Invoice, amountOre: number, paidOn: string) {
  return new RecordPayment().handle(
    {
      invoiceId: invoice.id,
      amountOre,
      paidOn: DateTime.fromISO(paidOn),
      method: 'cash',
      note: null,
    },
    actor
  )
}

/** [amount, bank entry] of each payment of the invoice, oldest first. */
export async function paymentsOf(invoice: Invoice) {
  const payments = await Payment.query().where('invoice_id', invoice.id).orderBy('id')
  return payments.map((payment) => [payment.amountOre, payment.bankEntryId])
}

export async function stateOf(entryId: number) {
  return (await BookedBankEntry.findOrFail(entryId)).state
}

export async function count(table: string, where: Record<string, string> = {}) {
  return Number((await db.from(table).where(where).count('* as n'))[0].n)
}
