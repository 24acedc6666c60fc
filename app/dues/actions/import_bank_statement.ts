import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Invoice from '#dues/models/invoice'
import Organisation from '#members/models/organisation'
import { getBalances } from '#dues/queries/invoice_balances'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { recordPaymentIn } from '#dues/actions/record_payment'
import { fikPaymentIdFor } from '#dues/rules/fik_payment_id'
import { readBankStatement, type BankColumnMapping } from '#dues/bank/read_bank_statement'
import type { BankEntry, BankStatement } from '#dues/bank/bank_statement'
import {
  suggestMatches,
  type EntryMatch,
  type MatchCertainty,
  type MatchReason,
  type OpenInvoiceForMatching,
  type PaymentKind,
} from '#dues/bank/match_bank_entries'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { isUniqueViolation } from '#shared/database_constraints'
import { sqlTimestamp } from '#shared/sql_time'

export type ImportedEntryStatus =
  'applied' | 'suggested' | 'unmatched' | 'ignored' | 'already_imported'

export type ImportedEntry = {
  line: number
  bookingDate: string
  amountOre: number
  text: string
  payerName: string | null
  status: ImportedEntryStatus
  certainty: MatchCertainty | null
  ignoredBecause: 'pending' | 'debit' | null
  reason: MatchReason | null
  allocations: {
    invoiceNumber: string
    memberName: string
    amountOre: number
    kind: PaymentKind
  }[]
}

export type BankImportCounts = Record<ImportedEntryStatus, number>

export type ImportBankStatementResult =
  | { status: 'unreadable'; message: string }
  /** Another import stored some of the same entries first; this one wrote nothing. */
  | { status: 'conflict'; entries: ImportedEntry[]; counts: BankImportCounts }
  | {
      status: 'previewed' | 'imported'
      entries: ImportedEntry[]
      counts: BankImportCounts
      importFileId: number | null
    }

type Input = { file: Buffer; fileName: string; dryRun: boolean; mapping?: BankColumnMapping }

/**
 * Reads a statement, leaves out the entries an earlier import stored, and
 * pays the invoices only the sure matches point at; the rest is listed for
 * the treasurer. A dry run reads and matches but writes nothing.
 */
export class ImportBankStatement {
  async handle(input: Input, actor: Actor): Promise<ImportBankStatementResult> {
    let statement: BankStatement
    try {
      statement = await readBankStatement(input.file, input.fileName, { mapping: input.mapping })
    } catch (error) {
      return { status: 'unreadable', message: (error as Error).message }
    }
    const account = statement.account ?? ''
    const stored = await storedFingerprints(account, statement.entries)
    const fresh = statement.entries.filter((entry) => !stored.has(entry.fingerprint))
    const { openInvoices, memberNames } = await openInvoicesForMatching()
    const matches = suggestMatches(fresh, openInvoices, [...memberNames].map(asMember))
    const planned = new Map(matches.map((match) => [match.entry, match]))
    const describe = (applied: Set<BankEntry>) =>
      statement.entries.map((entry) =>
        describeEntry(entry, planned.get(entry), applied, memberNames, openInvoices)
      )

    if (input.dryRun) {
      const sure = new Set(matches.filter(isSure).map((match) => match.entry))
      const entries = describe(sure)
      return { status: 'previewed', entries, counts: countOf(entries), importFileId: null }
    }
    const applied = new Set<BankEntry>()
    try {
      const importFileId = await db.transaction(async (trx) => {
        const links = new Map<BankEntry, { invoiceId: number; paymentId: number }>()
        for (const match of matches.filter(isSure)) {
          const link = await applyMatch(trx, match, actor)
          if (link) {
            applied.add(match.entry)
            links.set(match.entry, link)
          }
        }
        const entries = describe(applied)
        const id = await keepFile(trx, input, entries, actor)
        const rows = matches
          .filter((match) => match.entry.status === 'booked')
          .map((match) => entryRow(account, match, links.get(match.entry), id))
        // The unique key refuses any entry a concurrent import stored: the whole import rolls back.
        if (rows.length > 0) await trx.insertQuery().table('bank_entries').multiInsert(rows)
        await recordAuditEvent(trx, actor, {
          module: 'dues',
          action: 'bank.imported',
          details: { file: input.fileName, account, ...countOf(entries) },
          subject: { type: 'import_file', id },
        })
        return id
      })
      const entries = describe(applied)
      return { status: 'imported', entries, counts: countOf(entries), importFileId }
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      const entries = describe(new Set())
      return { status: 'conflict', entries, counts: countOf(entries) }
    }
  }
}

function isSure(match: EntryMatch): match is Extract<EntryMatch, { outcome: 'suggested' }> {
  return match.outcome === 'suggested' && match.certainty === 'sure'
}

async function storedFingerprints(account: string, entries: BankEntry[]) {
  const fingerprints = entries.map((entry) => entry.fingerprint)
  if (fingerprints.length === 0) return new Set<string>()
  const rows = await db
    .from('bank_entries')
    .where('account', account)
    .whereIn('fingerprint', fingerprints)
    .select('fingerprint')
  return new Set(rows.map((row) => String(row.fingerprint)))
}

async function openInvoicesForMatching() {
  const invoices = await Invoice.query().where('kind', 'invoice').preload('organisation')
  const balances = await getBalances(invoices, danishToday())
  const openInvoices: OpenInvoiceForMatching[] = invoices
    .filter((invoice) => (balances.get(invoice.id)?.balanceOre ?? 0) > 0)
    .map((invoice) => ({
      id: invoice.id,
      number: invoice.number,
      organisationId: invoice.organisationId,
      organisationName: invoice.organisation.name,
      amountOre: invoice.totalOre,
      openOre: balances.get(invoice.id)!.balanceOre,
      fikPaymentId: paymentIdOf(invoice.number),
    }))
  const organisations = await Organisation.query().select('id', 'name')
  const memberNames = new Map(organisations.map((org) => [org.id, org.name]))
  return { openInvoices, memberNames }
}

function asMember([id, name]: [number, string]) {
  return { id, name }
}

function paymentIdOf(number: string) {
  try {
    return fikPaymentIdFor(number)
  } catch {
    return null
  }
}

/**
 * Records the payments of one sure match in a savepoint: when an invoice was
 * paid by hand since the statement was matched, the match is left to the
 * treasurer rather than half applied.
 */
async function applyMatch(
  trx: TransactionClientContract,
  match: Extract<EntryMatch, { outcome: 'suggested' }>,
  actor: Actor
) {
  const savepoint = await trx.transaction()
  let first: { invoiceId: number; paymentId: number } | null = null
  for (const allocation of match.allocations) {
    const result = await recordPaymentIn(
      savepoint,
      {
        invoiceId: allocation.invoiceId,
        amountOre: allocation.amountOre,
        paidOn: DateTime.fromISO(match.entry.bookingDate),
        method: 'bank_transfer',
        note: `Bank: ${match.entry.text}`.slice(0, 300),
      },
      actor
    )
    if (result.status !== 'recorded') {
      await savepoint.rollback()
      return null
    }
    first ??= { invoiceId: allocation.invoiceId, paymentId: result.payment.id }
  }
  await savepoint.commit()
  return first
}

async function keepFile(
  trx: TransactionClientContract,
  input: Input,
  entries: ImportedEntry[],
  actor: Actor
) {
  const [id] = await trx.table('import_files').insert({
    kind: 'bank',
    file_name: input.fileName,
    sha256: createHash('sha256').update(input.file).digest('hex'),
    content: input.file,
    changes: JSON.stringify({ entries }),
    created_by: actor.label,
    created_at: sqlTimestamp(),
  })
  return Number(id)
}

/** A split links its first invoice and payment; the payments' notes name the entry for the rest. */
function entryRow(
  account: string,
  match: EntryMatch,
  link: { invoiceId: number; paymentId: number } | undefined,
  importFileId: number
) {
  const { entry } = match
  return {
    account,
    fingerprint: entry.fingerprint,
    booking_date: entry.bookingDate,
    amount_ore: entry.amountOre,
    text: entry.text,
    payer_name: entry.payerName?.slice(0, 200) ?? null,
    reference: entry.reference?.slice(0, 100) ?? null,
    status: entry.status,
    invoice_id: link?.invoiceId ?? null,
    payment_id: link?.paymentId ?? null,
    match_reason: link && match.outcome === 'suggested' ? match.reason.code : null,
    import_file_id: importFileId,
    created_at: sqlTimestamp(),
  }
}

function describeEntry(
  entry: BankEntry,
  match: EntryMatch | undefined,
  applied: Set<BankEntry>,
  memberNames: Map<number, string>,
  openInvoices: OpenInvoiceForMatching[]
): ImportedEntry {
  const base = {
    line: entry.line,
    bookingDate: entry.bookingDate,
    amountOre: entry.amountOre,
    text: entry.text,
    payerName: entry.payerName ?? null,
    certainty: null,
    ignoredBecause: null,
    reason: null,
    allocations: [],
  }
  if (!match) return { ...base, status: 'already_imported' }
  if (match.outcome === 'ignored') {
    return { ...base, status: 'ignored', ignoredBecause: match.because }
  }
  if (match.outcome === 'unmatched') return { ...base, status: 'unmatched' }
  const names = new Map(openInvoices.map((invoice) => [invoice.id, invoice.organisationName]))
  return {
    ...base,
    status: applied.has(entry) ? 'applied' : 'suggested',
    certainty: match.certainty,
    reason: match.reason,
    allocations: match.allocations.map((allocation) => ({
      invoiceNumber: allocation.invoiceNumber,
      memberName:
        names.get(allocation.invoiceId) ?? memberNames.get(allocation.organisationId) ?? '',
      amountOre: allocation.amountOre,
      kind: allocation.kind,
    })),
  }
}

function countOf(entries: ImportedEntry[]): BankImportCounts {
  const counts = { applied: 0, suggested: 0, unmatched: 0, ignored: 0, already_imported: 0 }
  for (const entry of entries) counts[entry.status] += 1
  return counts
}
