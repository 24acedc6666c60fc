import db from '@adonisjs/lucid/services/db'
import { headerKey } from '#shared/csv/danish_values'
import { sqlTimestamp } from '#shared/sql_time'
import type { BankColumnMapping } from '#dues/bank/read_bank_csv'

const KIND = 'bank'

/** The roles a column of an unknown bank's CSV can have. */
export const BANK_COLUMN_ROLES = [
  'date',
  'amount',
  'text',
  'payer',
  'reference',
  'balance',
  'valueDate',
  'currency',
  'status',
] as const
export type BankColumnRole = (typeof BANK_COLUMN_ROLES)[number]

/** Every header the treasurer named once, by its normalised text. */
export async function savedBankColumnRoles(): Promise<Map<string, BankColumnRole>> {
  const rows = await db
    .from('import_column_mappings')
    .where('kind', KIND)
    .select('header_key', 'column')
  return new Map(rows.map((row) => [String(row.header_key), row.column as BankColumnRole]))
}

/**
 * The mapping a file's headers get from the roles saved before; none when
 * its date, amount or text column is not among them, so two banks' saved
 * headers never mix into one mapping.
 */
export function bankMappingFromRoles(
  headers: string[],
  roles: Map<string, BankColumnRole>
): BankColumnMapping | undefined {
  const mapping: Partial<BankColumnMapping> = {}
  for (const header of headers) {
    const role = roles.get(headerKey(header))
    if (role && mapping[role] === undefined) mapping[role] = header
  }
  if (!mapping.date || !mapping.amount || !mapping.text) return undefined
  return mapping as BankColumnMapping
}

/** Remembers which header is which role; a header named again takes its new role. */
export async function saveBankColumnRoles(choices: Array<{ header: string; role: string }>) {
  const now = sqlTimestamp()
  await db.transaction(async (trx) => {
    for (const { header, role } of choices) {
      if (!(BANK_COLUMN_ROLES as readonly string[]).includes(role)) continue
      const key = headerKey(header).slice(0, 200)
      if (!key) continue
      const updated = await trx
        .from('import_column_mappings')
        .where({ kind: KIND, header_key: key })
        .update({ column: role, updated_at: now })
      if (!Number(updated)) {
        await trx
          .table('import_column_mappings')
          .insert({ kind: KIND, header_key: key, column: role, updated_at: now })
      }
    }
  })
}
