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
  'unclosed_quote' | 'missing_header' | 'duplicate_header' | 'value_without_header' | 'unreadable'

/** A file the user has to fix; `row` is the row Excel shows. */
export class DanishCsvError extends Error {
  constructor(
    readonly row: number,
    readonly reason: DanishCsvErrorReason,
    detail: string
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

  const headers = readHeaders(records[0])
  const rows: DanishCsvRow[] = []
  records.slice(1).forEach((record, index) => {
    // Each record is one Excel row, even when a quoted value spans lines.
    const line = index + 2
    if (record.every((value) => value.trim() === '')) return
    rows.push({ line, values: toValues(record, headers, line) })
  })
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
  try {
    return parse(text, {
      delimiter,
      // Empty lines stay in as records so that row numbers match Excel's.
      skip_empty_lines: false,
      relax_column_count: true,
      // Excel keeps a stray quote inside an unquoted value (5" skærm) as text.
      relax_quotes: true,
      // Whitespace around a quoted value is dropped; inside quotes it is data.
      trim: true,
      // A line break inside a value is \n whatever the file used (Excel writes CRLF).
      cast: (value, context) => {
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
    throw new DanishCsvError(row, 'unreadable', 'the row could not be read as CSV')
  }
}

function readHeaders(record: string[]): string[] {
  const headers = record.map((header) => header.trim())
  // Excel ends every line with a delimiter when the sheet has an empty
  // column after the last one in use.
  while (headers.length > 0 && headers.at(-1) === '') headers.pop()

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
  return Object.fromEntries(headers.map((header, index) => [header, record[index] ?? '']))
}
