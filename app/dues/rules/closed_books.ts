import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { isoDateFromSql } from '#shared/sql_time'

/**
 * The day through which the books are closed, or null. Read in the caller's
 * transaction, so a payment and the closing of its period cannot pass each
 * other.
 */
export async function booksClosedThrough(
  client: QueryClientContract = db.connection()
): Promise<string | null> {
  const row = await client.from('association_settings').select('books_closed_through').first()
  return row?.books_closed_through ? isoDateFromSql(row.books_closed_through) : null
}

/** ISO dates compare as text; a closed period includes its last day. */
export function isInClosedPeriod(isoDate: string, closedThrough: string | null) {
  return closedThrough !== null && isoDate <= closedThrough
}
