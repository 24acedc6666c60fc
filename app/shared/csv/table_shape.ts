/**
 * Turns the records of a file (CSV lines or a sheet's rows) into a table
 * keyed by header: the same rules whatever the file was, so an import reads
 * an .xlsx exactly as it reads the CSV saved from it.
 */
import { DANISH_CSV_LIMITS, DanishCsvError } from '#shared/csv/csv_errors'

/** The header row's values, trimmed, without the empty cells after the last header. */
export function readHeaders(record: string[], line = 1): string[] {
  const headers = record.map((header) => header.trim())
  // Excel ends every line with a delimiter when the sheet has an empty
  // column after the last one in use.
  while (headers.length > 0 && headers.at(-1) === '') headers.pop()
  const { maxColumns } = DANISH_CSV_LIMITS
  if (headers.length > maxColumns) {
    const detail = `${headers.length} columns, at most ${maxColumns}`
    throw new DanishCsvError(line, 'too_many_columns', detail, {
      max: maxColumns,
      actual: headers.length,
    })
  }

  const { maxValueLength } = DANISH_CSV_LIMITS
  const longIndex = headers.findIndex((header) => header.length > maxValueLength)
  if (longIndex !== -1) {
    const detail = `header ${longIndex + 1}: longer than ${maxValueLength}`
    throw new DanishCsvError(line, 'value_too_long', detail, {
      max: maxValueLength,
      actual: headers[longIndex].length,
    })
  }

  const seen = new Set<string>()
  headers.forEach((header, index) => {
    if (header === '') {
      throw new DanishCsvError(line, 'missing_header', `column ${index + 1} has no header`)
    }
    if (seen.has(header)) {
      throw new DanishCsvError(line, 'duplicate_header', `the header "${header}" appears twice`)
    }
    seen.add(header)
  })
  return headers
}

/** One row's values keyed by header; a value under no header is an error, not dropped. */
export function toValues(
  record: string[],
  headers: string[],
  line: number
): Record<string, string> {
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
