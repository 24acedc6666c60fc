import type { DanishCsvDelimiter, DanishCsvEncoding } from '#shared/csv/read_danish_csv'

/** One row below the header, shaped as DanishCsv's rows so the importers read both alike. */
export type SpreadsheetRow = {
  /** The row number Excel and Calc show. */
  line: number
  /** Keyed by the header text as written (trimmed). */
  values: Record<string, string>
}

type TableBody = { headers: string[]; rows: SpreadsheetRow[] }

export type CsvTable = TableBody & {
  format: 'csv'
  encoding: DanishCsvEncoding
  delimiter: DanishCsvDelimiter
  sheet?: undefined
  sheets?: undefined
}

export type XlsxTable = TableBody & {
  format: 'xlsx'
  encoding?: undefined
  delimiter?: undefined
  /** The sheet that was read. */
  sheet: string
  /** Every sheet in the workbook, in the order of its tabs. */
  sheets: string[]
}

export type SpreadsheetTable = CsvTable | XlsxTable
