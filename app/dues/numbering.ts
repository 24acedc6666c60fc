import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { InvoiceKind } from '#dues/models/invoice'
import { supportsRowLocks } from '#shared/row_locks'

/**
 * The next number in the series of this kind and year, taken inside the
 * transaction that issues the document. The series row is locked until the
 * transaction ends, so two issuers queue up: no number is used twice, and
 * a rolled-back issue gives its number back, so none is skipped.
 */
export async function takeNextNumber(
  trx: TransactionClientContract,
  kind: InvoiceKind,
  year: number
) {
  const series = `${kind === 'invoice' ? 'F' : 'K'}${year}`
  await trx
    .table('invoice_series')
    .insert({ code: series, last_number: 0 })
    .onConflict('code')
    .ignore()
  const query = trx.from('invoice_series').where('code', series).select('last_number')
  if (supportsRowLocks(trx)) query.forUpdate()
  const row = await query.firstOrFail()
  const sequence = Number(row.last_number) + 1
  await trx.from('invoice_series').where('code', series).update({ last_number: sequence })
  const padded = String(sequence).padStart(4, '0')
  return {
    series,
    sequence,
    number: kind === 'invoice' ? `${year}-${padded}` : `K${year}-${padded}`,
  }
}
