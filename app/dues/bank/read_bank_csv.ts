/**
 * The CSV exports of the Danish netbanks, recognised by their header row,
 * and any other bank's export through a column mapping the treasurer saves
 * once. The CSV itself (encodings, delimiters, BOM, limits) is read by the
 * shared reader; this file knows only what each bank's columns mean.
 */
import { headerKey } from '#shared/csv/danish_values'
import { parseDanishDate } from '#shared/csv/danish_dates'
import { readCsvTable } from '#shared/spreadsheet/read_spreadsheet'
import type { SpreadsheetRow } from '#shared/spreadsheet/spreadsheet_table'
import {
  BankStatementError,
  fingerprintEntries,
  type BankName,
  type BankStatement,
  type UnfingerprintedEntry,
} from '#dues/bank/bank_statement'
import {
  fikIdFromCodeLine,
  parseBankDanishAmountToOre,
  parseEnglishAmountToOre,
} from '#dues/bank/bank_values'

/** Which column holds what, by the header text the bank writes. */
export type BankColumnMapping = {
  date: string
  amount: string
  text: string
  payer?: string
  reference?: string
  balance?: string
  valueDate?: string
  currency?: string
  /** A column whose "Reserveret" or "Afventer" marks a row not yet booked. */
  status?: string
}

type AmountStyle = 'danish' | 'english' | 'either'
type BankProfile = { bank: BankName; mapping: BankColumnMapping; amounts: AmountStyle }

/*
 * The header rows are those the banks' netbanks write today; Danske Bank and
 * Nordea write Danish amounts, Jyske Bank English ones. A profile is chosen
 * when its date, amount and text columns are all in the header.
 */
const PROFILES: BankProfile[] = [
  {
    bank: 'nordea',
    amounts: 'danish',
    mapping: {
      date: 'Bogføringsdato',
      amount: 'Beløb',
      text: 'Beskrivelse',
      payer: 'Navn',
      balance: 'Saldo',
      currency: 'Valuta',
    },
  },
  {
    bank: 'jyske_bank',
    amounts: 'english',
    mapping: {
      date: 'Bogført',
      valueDate: 'Rentedato',
      amount: 'Beløb',
      text: 'Tekst',
      balance: 'Saldo',
    },
  },
  {
    bank: 'danske_bank',
    amounts: 'danish',
    mapping: { date: 'Dato', amount: 'Beløb', text: 'Tekst', balance: 'Saldo', status: 'Status' },
  },
]

const PENDING_WORDS = new Set(['reserveret', 'afventer', 'afventende', 'reservation'])
const SLASHED_ISO_DATE = /^(\d{4})\/(\d{2})\/(\d{2})$/

export function readBankCsv(file: Buffer, mapping?: BankColumnMapping): BankStatement {
  const table = readCsvTable(file)
  const keys = new Map(table.headers.map((header) => [headerKey(header), header]))
  const profile = mapping
    ? { bank: 'mapped' as const, mapping, amounts: 'either' as const }
    : PROFILES.find((candidate) => columnsOf(candidate.mapping).every((c) => keys.has(c)))
  if (!profile) throw new BankStatementError('unknown_format', 'the header is no known bank export')
  const column = (name: string | undefined) => {
    if (name === undefined) return undefined
    const header = keys.get(headerKey(name))
    // A bank's optional column may be missing from an older export; a saved mapping's may not.
    if (!header && !mapping && name !== profile.mapping.date) return undefined
    if (!header) throw new BankStatementError('missing_column', `no column "${name}"`, 1)
    return header
  }
  const columns = {
    date: column(profile.mapping.date)!,
    amount: column(profile.mapping.amount)!,
    text: column(profile.mapping.text)!,
    payer: column(profile.mapping.payer),
    reference: column(profile.mapping.reference),
    balance: column(profile.mapping.balance),
    status: column(profile.mapping.status),
    valueDate: column(profile.mapping.valueDate),
    currency: column(profile.mapping.currency),
  }
  const amountStyle =
    profile.amounts === 'either'
      ? amountStyleOf(table.rows.map((row) => row.values[columns.amount] ?? ''))
      : profile.amounts
  const entries: UnfingerprintedEntry[] = []
  const balances: Array<{ date: string; amountOre: number; balanceOre: number }> = []
  let latestDate: string | undefined
  for (const row of table.rows) {
    const value = (header: string | undefined) => (header ? (row.values[header] ?? '').trim() : '')
    const dateText = value(columns.date)
    const pending =
      PENDING_WORDS.has(value(columns.status).toLowerCase()) ||
      PENDING_WORDS.has(dateText.toLowerCase())
    const date = parseBankDate(dateText)
    if (!date && !pending) {
      throw new BankStatementError('bad_date', `"${dateText}" is not a date`, row.line)
    }
    if (date && (!latestDate || date > latestDate)) latestDate = date
    const amountOre = readAmount(value(columns.amount), amountStyle, row)
    const text = value(columns.text)
    const reference = value(columns.reference) || fikIdFromCodeLine(text)
    entries.push({
      line: row.line,
      // A reserved row has no booking day yet; the statement's last day stands in for it.
      bookingDate: date ?? '',
      valueDate: parseBankDate(value(columns.valueDate)) ?? undefined,
      amountOre,
      currency: value(columns.currency).toUpperCase() || 'DKK',
      text,
      payerName: value(columns.payer) || undefined,
      reference: reference || undefined,
      status: pending ? 'pending' : 'booked',
    })
    const balanceText = value(columns.balance)
    if (!pending && date && balanceText) {
      balances.push({ date, amountOre, balanceOre: readAmount(balanceText, amountStyle, row) })
    }
  }
  for (const entry of entries) entry.bookingDate ||= latestDate ?? ''
  const booked = entries.filter((entry) => entry.status === 'booked').map((e) => e.bookingDate)
  return {
    format: 'csv',
    bank: profile.bank,
    currency: entries[0]?.currency ?? 'DKK',
    ...statementBalances(balances),
    from: booked.length ? booked.reduce((a, b) => (a < b ? a : b)) : undefined,
    to: booked.length ? booked.reduce((a, b) => (a > b ? a : b)) : undefined,
    entries: fingerprintEntries(undefined, entries),
  }
}

/** The columns that tell a bank's export apart: its date, amount and text. */
function columnsOf(mapping: BankColumnMapping) {
  return [mapping.date, mapping.amount, mapping.text].map(headerKey)
}

/** `02.03.2026` (Danske Bank, Jyske Bank), `2026/03/02` (Nordea) and ISO dates. */
export function parseBankDate(text: string): string | null {
  const slashed = SLASHED_ISO_DATE.exec(text.trim())
  if (slashed) return parseDanishDate(`${slashed[1]}-${slashed[2]}-${slashed[3]}`)
  return parseDanishDate(text)
}

/**
 * A bank Kreds does not know may write `1.234,56` or `1,234.56`: the style
 * every amount in the column can be read in, Danish when both fit (`250,00`).
 */
function amountStyleOf(texts: string[]): AmountStyle {
  const filled = texts.filter((text) => text.trim() !== '')
  if (filled.every((text) => parseBankDanishAmountToOre(text) !== null)) return 'danish'
  if (filled.every((text) => parseEnglishAmountToOre(text) !== null)) return 'english'
  return 'danish'
}

function readAmount(text: string, style: AmountStyle, row: SpreadsheetRow) {
  const danish = style === 'english' ? null : parseBankDanishAmountToOre(text)
  const english = style === 'danish' || danish !== null ? null : parseEnglishAmountToOre(text)
  const ore = danish ?? english
  if (ore === null) throw new BankStatementError('bad_amount', `"${text}" is no amount`, row.line)
  return ore
}

/**
 * Netbanks list newest first or oldest first; the balance after the earliest
 * booked row less its amount is the opening balance, the balance after the
 * latest row the closing one.
 */
function statementBalances(rows: Array<{ date: string; amountOre: number; balanceOre: number }>) {
  if (rows.length === 0) return {}
  const newestFirst = rows.length > 1 && rows[0].date > rows[rows.length - 1].date
  const ordered = newestFirst ? [...rows].reverse() : rows
  const first = ordered[0]
  return {
    openingBalanceOre: first.balanceOre - first.amountOre,
    closingBalanceOre: ordered[ordered.length - 1].balanceOre,
  }
}
