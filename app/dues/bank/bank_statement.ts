/**
 * A bank statement as Kreds reads it, whatever the bank wrote: camt.053 XML
 * or one of the CSV exports. Amounts are signed øre (money in is positive),
 * dates ISO, so matching and import never see the bank's own notation.
 */
import { createHash } from 'node:crypto'

export type BankStatementFormat = 'camt.053.001.02' | 'camt.053.001.08' | 'csv'
export type BankName = 'danske_bank' | 'nordea' | 'jyske_bank' | 'mapped'
export type BankEntryStatus = 'booked' | 'pending'

export type BankEntry = {
  /** Position in the file: the CSV row number the spreadsheet shows, or the camt entry's 1-based index. */
  line: number
  bookingDate: string
  valueDate?: string
  amountOre: number
  currency: string
  text: string
  payerName?: string
  /** A payment ID the payer gave: camt's CdtrRefInf/Ref, or the ID of a `+71<…+…<` line in the text. */
  reference?: string
  /** The bank's own id for the entry, when it gives one. */
  bankReference?: string
  status: BankEntryStatus
  /** The same for the same entry in every statement that repeats it; see `fingerprintEntries`. */
  fingerprint: string
}

export type BankStatement = {
  format: BankStatementFormat
  bank?: BankName
  account?: string
  currency: string
  openingBalanceOre?: number
  closingBalanceOre?: number
  from?: string
  to?: string
  entries: BankEntry[]
}

export type UnfingerprintedEntry = Omit<BankEntry, 'fingerprint'>

/** Refused files say why in a code the page can word in Danish, and where. */
export type BankStatementProblem =
  | 'too_large'
  | 'too_deep'
  | 'too_many_entries'
  | 'doctype'
  | 'not_xml'
  | 'unknown_format'
  | 'bad_date'
  | 'bad_amount'
  | 'missing_column'

export class BankStatementError extends Error {
  constructor(
    readonly problem: BankStatementProblem,
    message: string,
    readonly line?: number
  ) {
    super(message)
  }
}

/**
 * The bank's reference is the entry's identity when there is one. Without
 * it, two transfers of the same amount with the same text on the same day
 * are still two payments: the n-th such entry gets n in its hash, which a
 * re-export of the same or an overlapping period gives it again (banks list
 * a day's entries in the same order).
 */
export function fingerprintEntries(
  account: string | undefined,
  entries: UnfingerprintedEntry[]
): BankEntry[] {
  const seen = new Map<string, number>()
  return entries.map((entry) => {
    if (entry.bankReference) {
      return { ...entry, fingerprint: digest(['ref', account ?? '', entry.bankReference]) }
    }
    // A reserved row is no payment yet: once booked it is a new entry with its own print.
    const key = digest([
      entry.status,
      account ?? '',
      entry.bookingDate,
      String(entry.amountOre),
      entry.text.replaceAll(/\s+/g, ' ').trim(),
    ])
    const occurrence = (seen.get(key) ?? 0) + 1
    seen.set(key, occurrence)
    return { ...entry, fingerprint: digest([key, String(occurrence)]) }
  })
}

function digest(parts: string[]) {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32)
}
