import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { BankStatementError, type BankStatementProblem } from '#dues/bank/bank_statement'
import { SpreadsheetError } from '#shared/spreadsheet/spreadsheet_error'
import {
  csvHeadersOf,
  readBankStatement,
  type BankColumnMapping,
} from '#dues/bank/read_bank_statement'
import type { BankEntry, BankStatement } from '#dues/bank/bank_statement'
import { suggestMatches, type EntryMatch } from '#dues/bank/match_bank_entries'
import { getOpenInvoicesForMatching } from '#dues/queries/open_invoices_for_matching'
import { describePreview, type StatementEntryView } from '#dues/queries/statement_entries'
import type { BankEntryState, StoredSuggestion } from '#dues/models/booked_bank_entry'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { isUniqueViolation } from '#shared/database_constraints'
import { sqlTimestamp } from '#shared/sql_time'

export type ImportBankStatementResult =
  | {
      status: 'unreadable'
      /** The bank reader's code, or 'spreadsheet' when the CSV itself is broken (then `reason`). */
      problem: BankStatementProblem | 'spreadsheet'
      reason?: string
      params?: Record<string, string | number>
      line?: number
      message: string
    }
  /** A CSV whose header no bank profile and no saved mapping fits: the treasurer names its columns. */
  | { status: 'needs_mapping'; headers: string[] }
  /** Another import stored some of the same entries first; this one wrote nothing. */
  | { status: 'conflict' }
  | { status: 'previewed'; entries: StatementEntryView[] }
  | { status: 'imported'; statementId: number; newEntries: number; knownEntries: number }

type Input = {
  file: Buffer
  fileName: string
  dryRun: boolean
  mapping?: BankColumnMapping
  mappingFor?: (headers: string[]) => BankColumnMapping | undefined
}

const CHUNK = 500

/**
 * Reads a statement and stores it with every booked entry it lists: an entry
 * an earlier (overlapping) import stored is linked, never stored twice, so it
 * can never pay twice. Each new credit keeps what the matching rules propose;
 * paying the sure ones is ApplySureBankMatches, deciding the rest is the
 * treasurer's. A dry run reads and matches but writes nothing.
 */
export class ImportBankStatement {
  async handle(input: Input, actor: Actor): Promise<ImportBankStatementResult> {
    let statement: BankStatement
    try {
      statement = await readBankStatement(input.file, input.fileName, {
        mapping: input.mapping,
        mappingFor: input.mappingFor,
      })
    } catch (error) {
      if (error instanceof SpreadsheetError) {
        return {
          status: 'unreadable',
          problem: 'spreadsheet',
          reason: error.reason,
          params: { ...error.params, max: error.limit?.max ?? '' },
          line: error.row,
          message: error.message,
        }
      }
      if (!(error instanceof BankStatementError)) throw error
      if (error.problem === 'unknown_format') {
        const headers = csvHeaders(input.file)
        if (headers) return { status: 'needs_mapping', headers }
      }
      return {
        status: 'unreadable',
        problem: error.problem,
        line: error.line,
        message: error.message,
      }
    }
    const account = statement.account ?? ''
    const booked = statement.entries.filter((entry) => entry.status === 'booked')
    const known = await storedEntryIds(db.connection(), account, booked)
    const fresh = statement.entries.filter((entry) => !known.has(entry.fingerprint))
    const { openInvoices, members } = await getOpenInvoicesForMatching()
    const matches = suggestMatches(fresh, openInvoices, members)

    if (input.dryRun) {
      return { status: 'previewed', entries: describePreview(statement, matches, known, members) }
    }
    try {
      return await db.transaction(async (trx) => {
        const importFileId = await keepFile(trx, input, actor)
        const [statementId] = await trx.table('bank_statements').insert({
          account,
          format: statement.format,
          bank: statement.bank ?? null,
          currency: statement.currency,
          from_date: statement.from ?? null,
          to_date: statement.to ?? null,
          opening_balance_ore: statement.openingBalanceOre ?? null,
          closing_balance_ore: statement.closingBalanceOre ?? null,
          pending_count: statement.entries.length - booked.length,
          import_file_id: importFileId,
          created_by: actor.label,
          created_at: sqlTimestamp(),
        })
        const rows = matches
          .filter((match) => match.entry.status === 'booked')
          .map((match) => entryRow(account, match, importFileId))
        // The unique key refuses any entry a concurrent import stored: the whole import rolls back.
        for (let start = 0; start < rows.length; start += CHUNK) {
          await trx
            .insertQuery()
            .table('bank_entries')
            .multiInsert(rows.slice(start, start + CHUNK))
        }
        const ids = await storedEntryIds(trx, account, booked)
        const lines = booked.map((entry) => ({
          bank_statement_id: Number(statementId),
          bank_entry_id: ids.get(entry.fingerprint)!,
          line: entry.line,
        }))
        for (let start = 0; start < lines.length; start += CHUNK) {
          await trx
            .insertQuery()
            .table('bank_statement_lines')
            .multiInsert(lines.slice(start, start + CHUNK))
        }
        await recordAuditEvent(trx, actor, {
          module: 'dues',
          action: 'bank.imported',
          details: {
            file: input.fileName,
            account,
            entries: booked.length,
            new: rows.length,
            known: known.size,
            statement: Number(statementId),
          },
          // The log's link hands back the file exactly as the bank wrote it.
          subject: { type: 'import_file', id: importFileId },
        })
        await trx
          .from('import_files')
          .where('id', importFileId)
          .update({
            changes: JSON.stringify({
              statement: Number(statementId),
              newEntries: rows.length,
              knownEntries: known.size,
            }),
          })
        return {
          status: 'imported' as const,
          statementId: Number(statementId),
          newEntries: rows.length,
          knownEntries: known.size,
        }
      })
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      return { status: 'conflict' }
    }
  }
}

function csvHeaders(file: Buffer) {
  try {
    const headers = csvHeadersOf(file)
    return headers.length > 1 ? headers : null
  } catch {
    return null
  }
}

async function storedEntryIds(client: QueryClientContract, account: string, entries: BankEntry[]) {
  const ids = new Map<string, number>()
  const fingerprints = entries.map((entry) => entry.fingerprint)
  for (let start = 0; start < fingerprints.length; start += CHUNK) {
    const rows = await client
      .from('bank_entries')
      .where('account', account)
      .whereIn('fingerprint', fingerprints.slice(start, start + CHUNK))
      .select('id', 'fingerprint')
    for (const row of rows) ids.set(String(row.fingerprint), Number(row.id))
  }
  return ids
}

async function keepFile(trx: TransactionClientContract, input: Input, actor: Actor) {
  const [id] = await trx.table('import_files').insert({
    kind: 'bank',
    file_name: input.fileName.slice(0, 200),
    sha256: createHash('sha256').update(input.file).digest('hex'),
    content: input.file,
    changes: JSON.stringify({}),
    created_by: actor.label,
    created_at: sqlTimestamp(),
  })
  return Number(id)
}

function entryRow(account: string, match: EntryMatch, importFileId: number) {
  const { entry } = match
  const state: BankEntryState = entry.amountOre <= 0 ? 'debit' : 'open'
  const suggestion: StoredSuggestion | null =
    match.outcome === 'suggested'
      ? { certainty: match.certainty, reason: match.reason, allocations: match.allocations }
      : null
  return {
    account,
    fingerprint: entry.fingerprint,
    booking_date: entry.bookingDate,
    amount_ore: entry.amountOre,
    text: entry.text,
    payer_name: entry.payerName?.slice(0, 200) ?? null,
    reference: entry.reference?.slice(0, 100) ?? null,
    status: entry.status,
    state,
    suggestion: suggestion ? JSON.stringify(suggestion) : null,
    import_file_id: importFileId,
    created_at: sqlTimestamp(),
  }
}
