/**
 * Reads CSV files the way Danish Excel writes them: "CSV (semikolonsepareret)"
 * in Windows-1252, "CSV UTF-8" with a BOM, or a comma-separated file from
 * another tool. Row numbers follow Excel's, so an error message points the
 * user at the row they see on screen.
 */
import iconv from 'iconv-lite'
import { CsvError, parse } from 'csv-parse/sync'

export type DanishCsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252'
export type DanishCsvDelimiter = ';' | ','

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

export type DanishCsvErrorReason =
  | 'unclosed_quote'
  | 'missing_header'
  | 'duplicate_header'
  | 'value_without_header'
  | 'unreadable'
  | DanishCsvLimit

export type DanishCsvLimit =
  'too_many_rows' | 'too_many_columns' | 'too_many_cells' | 'row_too_long' | 'value_too_long'

/**
 * How much of a file is read. Every row becomes an object with a key per
 * column, so rows times columns is what a file costs: a header of 100,000
 * columns above a million short rows would have taken the server down.
 * The CSV library itself needs seconds for one value of ten million
 * characters or for ten million empty cells, so it is stopped at the first
 * row or cell beyond a limit. Real imports are a few thousand rows of 5 to
 * 30 columns.
 */
export const DANISH_CSV_LIMITS = {
  /** Rows below the header. */
  maxRows: 100_000,
  /** Columns with a header. */
  maxColumns: 100,
  /** Cells read, empty ones included (Excel ends rows with empty cells up to its widest row). */
  maxCells: 2_000_000,
  /** Characters in one row. */
  maxRowLength: 1_000_000,
  /** Characters in one value: the most Excel holds in a cell. */
  maxValueLength: 32_767,
}

/** A file the user has to fix; `row` is the row Excel shows. */
export class DanishCsvError extends Error {
  constructor(
    readonly row: number,
    readonly reason: DanishCsvErrorReason,
    detail: string,
    /** For a limit: the limit, and the header of the column it concerns. */
    readonly limit?: { max: number; column?: string; actual?: number }
  ) {
    super(`row ${row}: ${detail}`)
    this.name = 'DanishCsvError'
  }
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])

export function readDanishCsv(input: Buffer): DanishCsv {
  const { text, encoding } = decode(input)
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

function decode(input: Buffer): { text: string; encoding: DanishCsvEncoding } {
  if (input.subarray(0, 3).equals(UTF8_BOM)) {
    return { text: new TextDecoder('utf-8').decode(input.subarray(3)), encoding: 'utf-8-bom' }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(input), encoding: 'utf-8' }
  } catch {
    // Danish text in Windows-1252 is practically never valid UTF-8: æ alone is
    // byte 0xE6, which UTF-8 only allows as the start of a three-byte sequence.
    return { text: iconv.decode(input, 'windows-1252'), encoding: 'windows-1252' }
  }
}

/**
 * Counts both candidates in the header line, outside quotes. A tie (or a
 * single column) goes to `;`, which is what Danish Excel writes.
 */
function detectDelimiter(text: string): DanishCsvDelimiter {
  let semicolons = 0
  let commas = 0
  let quoted = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && char === ';') semicolons++
    else if (!quoted && char === ',') commas++
  }
  return commas > semicolons ? ',' : ';'
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

function readHeaders(record: string[]): string[] {
  const headers = record.map((header) => header.trim())
  // Excel ends every line with a delimiter when the sheet has an empty
  // column after the last one in use.
  while (headers.length > 0 && headers.at(-1) === '') headers.pop()
  const { maxColumns } = DANISH_CSV_LIMITS
  if (headers.length > maxColumns) {
    const detail = `${headers.length} columns, at most ${maxColumns}`
    throw new DanishCsvError(1, 'too_many_columns', detail, {
      max: maxColumns,
      actual: headers.length,
    })
  }

  const { maxValueLength } = DANISH_CSV_LIMITS
  const longIndex = headers.findIndex((header) => header.length > maxValueLength)
  if (longIndex !== -1) {
    const detail = `header ${longIndex + 1}: longer than ${maxValueLength}`
    throw new DanishCsvError(1, 'value_too_long', detail, {
      max: maxValueLength,
      actual: headers[longIndex].length,
    })
  }

  const seen = new Set<string>()
  headers.forEach((header, index) => {
    if (header === '') {
      throw new DanishCsvError(1, 'missing_header', `column ${index + 1} has no header`)
    }
    if (seen.has(header)) {
      throw new DanishCsvError(1, 'duplicate_header', `the header "${header}" appears twice`)
    }
    seen.add(header)
  })
  return headers
}

function toValues(record: string[], headers: string[], line: number): Record<string, string> {
  // Silently dropping a value that has no header would lose data the user typed.
  const strayIndex = record.findIndex(
    (value, index) => index >= headers.length && value.trim() !== ''
  )
  if (strayIndex !== -1) {
    throw new DanishCsvError(
      line,
      'value_without_header',
      `column ${strayIndex + 1} has a value but no header`
    )
  }
  const { maxValueLength } = DANISH_CSV_LIMITS
  const longIndex = record.findIndex(
    (value, index) => index < headers.length && value.length > maxValueLength
  )
  if (longIndex !== -1) {
    const column = headers[longIndex]
    throw new DanishCsvError(line, 'value_too_long', `${column}: longer than ${maxValueLength}`, {
      max: maxValueLength,
      column,
      actual: record[longIndex].length,
    })
  }
  return Object.fromEntries(headers.map((header, index) => [header, record[index] ?? '']))
}
