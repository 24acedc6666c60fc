/** What stops a file being read, and how much of a file is read at most. */

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
