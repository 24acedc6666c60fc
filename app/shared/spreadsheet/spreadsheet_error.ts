/**
 * Why an uploaded spreadsheet cannot be read, with the row it stopped at
 * numbered as Excel numbers it: the same reasons as for CSV, and those only
 * a workbook or a mis-named file can have.
 */
import type { DanishCsvError, DanishCsvErrorReason } from '#shared/csv/read_danish_csv'

export type SpreadsheetErrorReason =
  | DanishCsvErrorReason
  /** Named .csv or .txt but a workbook or other binary file. */
  | 'not_csv'
  /** Named .xlsx but not a zip package (a CSV renamed, say). */
  | 'not_xlsx'
  /** A format Kreds does not read (.ods, .numbers, .pdf, …). */
  | 'unsupported_format'
  /** An Excel 97–2003 workbook (.xls), not the .xlsx Excel saves today. */
  | 'legacy_xls'
  /** Protected by a password: Excel then encrypts the whole file. */
  | 'encrypted'
  /** A zip, but not a workbook that can be read. */
  | 'corrupt'
  /** A part of the workbook unpacks to more than the cap (a zip bomb or a gigantic sheet). */
  | 'too_large'
  | 'unknown_sheet'

export const SPREADSHEET_LIMITS = {
  /**
   * What one part of a workbook (a sheet, the shared strings) may unpack to.
   * 100,000 rows of 25 columns take some 40 MB of XML; deflate packs runs of
   * the same bytes a thousand to one, so a 100 KB upload can claim gigabytes.
   */
  maxPartBytes: 100 * 1024 * 1024,
  /** Files in the zip: a workbook has a dozen or two, a few hundred with pictures. */
  maxZipEntries: 10_000,
}

/** A spreadsheet the user has to fix or save again; `row` is the row Excel shows. */
export class SpreadsheetError extends Error {
  constructor(
    readonly row: number,
    readonly reason: SpreadsheetErrorReason,
    detail: string,
    /** For a limit: the limit, and the header of the column it concerns. */
    readonly limit?: { max: number; column?: string; actual?: number },
    /** Values a message about the reason can show (sheet names, an extension). */
    readonly params: Record<string, string | number> = {}
  ) {
    super(`row ${row}: ${detail}`)
    this.name = 'SpreadsheetError'
  }

  static fromCsv(error: DanishCsvError): SpreadsheetError {
    const detail = error.message.replace(/^row \d+: /, '')
    return new SpreadsheetError(error.row, error.reason, detail, error.limit)
  }
}
