import db from '@adonisjs/lucid/services/db'
import type { BankStatement } from '#dues/bank/bank_statement'
import type { EntryMatch, MemberForMatching, PaymentKind } from '#dues/bank/match_bank_entries'
import type { BankEntryState, MatchedBy, StoredSuggestion } from '#dues/models/booked_bank_entry'
import { isoDateFromSql } from '#shared/sql_time'

export type EntryAllocationView = {
  invoiceId: number
  invoiceNumber: string
  memberName: string
  amountOre: number
  kind: PaymentKind | null
}

/** One line of a statement as the treasurer sees it: the bank's words, its state, the evidence. */
export type StatementEntryView = {
  /** The stored entry; null in a dry run. */
  id: number | null
  line: number
  bookingDate: string
  amountOre: number
  text: string
  payerName: string | null
  state: BankEntryState | 'pending'
  /** An earlier import (an overlapping statement) stored it first. */
  importedBefore: boolean
  matchedBy: MatchedBy | null
  suggestion:
    (Omit<StoredSuggestion, 'allocations'> & { allocations: EntryAllocationView[] }) | null
  /** The payments this entry made, one per invoice it paid. */
  payments: EntryAllocationView[]
}

/** Every entry a stored statement lists, in the bank's order, with its payments. */
export async function getStatementEntries(
  statementId: number,
  onlyEntryId?: number
): Promise<StatementEntryView[]> {
  const statement = await db.from('bank_statements').where('id', statementId).first()
  if (!statement) return []
  const query = db
    .from('bank_statement_lines')
    .join('bank_entries', 'bank_entries.id', 'bank_statement_lines.bank_entry_id')
    .where('bank_statement_lines.bank_statement_id', statementId)
  if (onlyEntryId !== undefined) query.where('bank_entries.id', onlyEntryId)
  const rows = await query
    .orderBy('bank_statement_lines.line')
    .select(
      'bank_entries.*',
      'bank_statement_lines.line as line',
      'bank_entries.import_file_id as entry_import_file_id'
    )
  const ids = rows.map((row) => Number(row.id))
  const payments = await paymentsOf(ids)
  const suggestions = new Map(
    rows.map((row) => [
      Number(row.id),
      row.suggestion ? (JSON.parse(row.suggestion) as StoredSuggestion) : null,
    ])
  )
  const names = await memberNames([...suggestions.values()])
  return rows.map((row) => {
    const suggestion = suggestions.get(Number(row.id)) ?? null
    return {
      id: Number(row.id),
      line: Number(row.line),
      bookingDate: isoDateFromSql(row.booking_date),
      amountOre: Number(row.amount_ore),
      text: String(row.text),
      payerName: row.payer_name ?? null,
      state: row.state as BankEntryState,
      importedBefore: Number(row.entry_import_file_id) !== Number(statement.import_file_id),
      matchedBy: (row.match_reason as MatchedBy | null) ?? null,
      suggestion: suggestion && withNames(suggestion, names),
      payments: payments.get(Number(row.id)) ?? [],
    }
  })
}

/** Whether the statement lists the entry: a path naming both must name a pair that belongs together. */
export async function statementListsEntry(statementId: number, entryId: number) {
  const line = await db
    .from('bank_statement_lines')
    .where({ bank_statement_id: statementId, bank_entry_id: entryId })
    .select('id')
    .first()
  return line !== null && line !== undefined
}

/** One entry, as the statement in the path lists it; null when that statement does not. */
export async function getStatementEntry(statementId: number, entryId: number) {
  const [entry] = await getStatementEntries(statementId, entryId)
  return entry ?? null
}

/** A dry run's view: nothing stored, so states are what an import would give. */
export function describePreview(
  statement: BankStatement,
  matches: EntryMatch[],
  known: Map<string, number>,
  members: MemberForMatching[]
): StatementEntryView[] {
  const names = new Map(members.map((member) => [member.id, member.name]))
  const byEntry = new Map(matches.map((match) => [match.entry, match]))
  return statement.entries.map((entry) => {
    const match = byEntry.get(entry)
    const suggestion =
      match?.outcome === 'suggested'
        ? withNames(
            { certainty: match.certainty, reason: match.reason, allocations: match.allocations },
            names
          )
        : null
    return {
      id: known.get(entry.fingerprint) ?? null,
      line: entry.line,
      bookingDate: entry.bookingDate,
      amountOre: entry.amountOre,
      text: entry.text,
      payerName: entry.payerName ?? null,
      state: entry.status === 'pending' ? 'pending' : entry.amountOre <= 0 ? 'debit' : 'open',
      importedBefore: known.has(entry.fingerprint),
      matchedBy: null,
      suggestion,
      payments: [],
    }
  })
}

function withNames(suggestion: StoredSuggestion, names: Map<number, string>) {
  return {
    ...suggestion,
    allocations: suggestion.allocations.map((allocation) => ({
      invoiceId: allocation.invoiceId,
      invoiceNumber: allocation.invoiceNumber,
      memberName: names.get(allocation.organisationId) ?? '',
      amountOre: allocation.amountOre,
      kind: allocation.kind,
    })),
  }
}

async function paymentsOf(entryIds: number[]) {
  const byEntry = new Map<number, EntryAllocationView[]>()
  for (let start = 0; start < entryIds.length; start += 500) {
    const rows = await db
      .from('payments')
      .join('invoices', 'invoices.id', 'payments.invoice_id')
      .join('organisations', 'organisations.id', 'invoices.organisation_id')
      .whereIn('payments.bank_entry_id', entryIds.slice(start, start + 500))
      .orderBy('payments.id')
      .select(
        'payments.bank_entry_id',
        'payments.amount_ore',
        'invoices.id as invoice_id',
        'invoices.number',
        'organisations.name'
      )
    for (const row of rows) {
      const list = byEntry.get(Number(row.bank_entry_id)) ?? []
      list.push({
        invoiceId: Number(row.invoice_id),
        invoiceNumber: String(row.number),
        memberName: String(row.name),
        amountOre: Number(row.amount_ore),
        kind: null,
      })
      byEntry.set(Number(row.bank_entry_id), list)
    }
  }
  return byEntry
}

/** The names of the members the suggestions point at, not the whole register. */
async function memberNames(suggestions: Array<StoredSuggestion | null>) {
  const ids = [
    ...new Set(
      suggestions.flatMap((suggestion) =>
        (suggestion?.allocations ?? []).map((part) => part.organisationId)
      )
    ),
  ]
  const names = new Map<number, string>()
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db
      .from('organisations')
      .whereIn('id', ids.slice(start, start + 500))
      .select('id', 'name')
    for (const row of rows) names.set(Number(row.id), String(row.name))
  }
  return names
}
