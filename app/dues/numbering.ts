import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { InvoiceKind } from '#dues/models/invoice'

/**
 * The next number in the series of this kind and year, taken inside the
 * transaction that issues the document. One upsert both creates the series
 * and counts on, holding the series row's lock until the transaction ends:
 * two issuers queue up, no number is used twice, and a rolled-back issue
 * gives its number back, so none is skipped. (Reading first and writing
 * after would let two transactions share a lock and deadlock on MariaDB.)
 */
export async function takeNextNumber(
  trx: TransactionClientContract,
  kind: InvoiceKind,
  year: number
) {
  const series = `${kind === 'invoice' ? 'F' : 'K'}${year}`
  await trx
    .table('invoice_series')
    .insert({ code: series, last_number: 1 })
    .onConflict('code')
    .merge({ last_number: trx.raw('?? + 1', ['invoice_series.last_number']) })
  const row = await trx
    .from('invoice_series')
    .where('code', series)
    .select('last_number')
    .firstOrFail()
  const sequence = Number(row.last_number)
  const padded = String(sequence).padStart(4, '0')
  return {
    series,
    sequence,
    number: kind === 'invoice' ? `${year}-${padded}` : `K${year}-${padded}`,
  }
}
