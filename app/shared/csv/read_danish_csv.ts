/**
 * Reads CSV files the way Danish Excel writes them: "CSV (semikolonsepareret)"
 * in Windows-1252, "CSV UTF-8" with a BOM, "Unicode-tekst" in UTF-16 with
 * tabs, or a comma-separated file from another tool. Row numbers follow
 * Excel's, so an error message points the user at the row they see on screen.
 */
import { CsvError, parse } from 'csv-parse/sync'
import {
  decodeCsv,
  detectDelimiter,
  type DanishCsvDelimiter,
  type DanishCsvEncoding,
} from '#shared/csv/csv_dialect'
import { DANISH_CSV_LIMITS, DanishCsvError } from '#shared/csv/csv_errors'
import { readHeaders, toValues } from '#shared/csv/table_shape'

export type { DanishCsvDelimiter, DanishCsvEncoding } from '#shared/csv/csv_dialect'
export {
  DANISH_CSV_LIMITS,
  DanishCsvError,
  type DanishCsvErrorReason,
  type DanishCsvLimit,
} from '#shared/csv/csv_errors'

export type DanishCsvRow = {
  /** The row number Excel shows: the header is row 1. */
  line: number
  /** Keyed by the header text as written (trimmed). */
  values: Record<string, string>
}

export type DanishCsv = {
  encoding: DanishCsvEncoding
  delimiter: DanishCsvDelimiter
  headers: string[]
  rows: DanishCsvRow[]
}

export function readDanishCsv(input: Buffer): DanishCsv {
  const { text, encoding } = decodeCsv(input)
  const delimiter = detectDelimiter(text)
  const records = parseRecords(text, delimiter)
  if (records.length === 0) return { encoding, delimiter, headers: [], rows: [] }

  const { maxRows } = DANISH_CSV_LIMITS
  if (records.length > maxRows + 1) {
    throw new DanishCsvError(maxRows + 2, 'too_many_rows', `more than ${maxRows} rows`, {
      max: maxRows,
    })
  }
  const headers = readHeaders(records[0])
  const rows: DanishCsvRow[] = []
  for (let index = 1; index < records.length; index++) {
    const record = records[index]
    // Each record is one Excel row, even when a quoted value spans lines.
    const line = index + 1
    if (record.every((value) => value.trim() === '')) continue
    rows.push({ line, values: toValues(record, headers, line) })
  }
  return { encoding, delimiter, headers, rows }
}

function parseRecords(text: string, delimiter: DanishCsvDelimiter): string[][] {
  const { maxRows, maxCells, maxRowLength } = DANISH_CSV_LIMITS
  let cells = 0
  try {
    return parse(text, {
      delimiter,
      // One record past the limit is enough to know the file is over it.
      to: maxRows + 2,
      max_record_size: maxRowLength,
      // Empty lines stay in as records so that row numbers match Excel's.
      skip_empty_lines: false,
      relax_column_count: true,
      // Excel keeps a stray quote inside an unquoted value (5" skærm) as text.
      relax_quotes: true,
      // Whitespace around a quoted value is dropped; inside quotes it is data.
      trim: true,
      // A line break inside a value is \n whatever the file used (Excel writes CRLF).
      cast: (value, context) => {
        if (++cells > maxCells) {
          throw new DanishCsvError(context.records + 1, 'too_many_cells', 'too many cells', {
            max: maxCells,
          })
        }
        const unified = value.replace(/\r\n?/g, '\n')
        return context.quoting ? unified : unified.trim()
      },
    })
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    // The library counts the records it completed; the broken one is the next.
    const row = (typeof error.records === 'number' ? error.records : 0) + 1
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new DanishCsvError(row, 'unclosed_quote', 'unclosed quote')
    }
    if (error.code === 'CSV_MAX_RECORD_SIZE') {
      throw new DanishCsvError(row, 'row_too_long', `longer than ${maxRowLength} characters`, {
        max: maxRowLength,
      })
    }
    throw new DanishCsvError(row, 'unreadable', 'the row could not be read as CSV')
  }
}
