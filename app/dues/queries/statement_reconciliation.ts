import db from '@adonisjs/lucid/services/db'
import BankAccountStatement from '#dues/models/bank_account_statement'
import { getStatementEntries, type StatementEntryView } from '#dues/queries/statement_entries'

type Group = { count: number; ore: number }

export type StatementReconciliation = {
  statement: BankAccountStatement
  entries: StatementEntryView[]
  /** Every booked entry added up: what the bank says moved. */
  movementOre: number
  /** Opening balance plus the movement, to compare with the bank's closing balance. */
  computedClosingOre: number | null
  /** Bank's closing less the computed one: not zero when the file lacks entries. */
  fileDifferenceOre: number | null
  matched: Group
  /** Open credits a sure rule points at, ready for one click. */
  sure: Group
  /** Open credits waiting for the treasurer: a weaker suggestion or none. */
  toDecide: Group
  notDues: Group
  debits: Group
}

/**
 * A statement reconciled: the bank's balances, and its movement explained
 * as what paid dues, what waits for a decision, what is no dues and what
 * went out. The four always add up to the movement.
 */
export async function getStatementReconciliation(
  statementId: number
): Promise<StatementReconciliation | null> {
  const statement = await BankAccountStatement.find(statementId)
  if (!statement) return null
  const entries = await getStatementEntries(statementId)
  const group = (filter: (entry: StatementEntryView) => boolean): Group => {
    const chosen = entries.filter(filter)
    return { count: chosen.length, ore: chosen.reduce((sum, entry) => sum + entry.amountOre, 0) }
  }
  const movementOre = entries.reduce((sum, entry) => sum + entry.amountOre, 0)
  const computedClosingOre =
    statement.openingBalanceOre === null ? null : statement.openingBalanceOre + movementOre
  return {
    statement,
    entries,
    movementOre,
    computedClosingOre,
    fileDifferenceOre:
      computedClosingOre === null || statement.closingBalanceOre === null
        ? null
        : statement.closingBalanceOre - computedClosingOre,
    matched: group((entry) => entry.state === 'matched'),
    sure: group((entry) => entry.state === 'open' && entry.suggestion?.certainty === 'sure'),
    toDecide: group((entry) => entry.state === 'open' && entry.suggestion?.certainty !== 'sure'),
    notDues: group((entry) => entry.state === 'not_dues'),
    debits: group((entry) => entry.state === 'debit'),
  }
}

/** The statements imported, newest first, with how much is left to decide in each. */
export async function listBankStatements() {
  const statements = await BankAccountStatement.query().orderBy('id', 'desc').limit(100)
  const open = await db
    .from('bank_statement_lines')
    .join('bank_entries', 'bank_entries.id', 'bank_statement_lines.bank_entry_id')
    .where('bank_entries.state', 'open')
    .groupBy('bank_statement_lines.bank_statement_id')
    .select('bank_statement_lines.bank_statement_id as id')
    .count('* as open')
  const openBy = new Map(open.map((row) => [Number(row.id), Number(row.open)]))
  return statements.map((statement) => ({ statement, openCount: openBy.get(statement.id) ?? 0 }))
}
