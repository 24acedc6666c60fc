import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * The day through which the books are closed, or null. Read in the caller's
 * transaction, so a payment and the closing of its period cannot pass each
 * other.
 */
export async function booksClosedThrough(
  client: QueryClientContract = db.connection()
): Promise<string | null> {
  const row = await client.from('association_settings').select('books_closed_through').first()
  return row?.books_closed_through ? isoDateOf(row.books_closed_through) : null
}

/** ISO dates compare as text; a closed period includes its last day. */
export function isInClosedPeriod(isoDate: string, closedThrough: string | null) {
  return closedThrough !== null && isoDate <= closedThrough
}

/** SQLite returns dates as text, MariaDB as Date objects at UTC midnight (the pool's timezone is Z). */
export function isoDateOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value).slice(0, 10)
}
