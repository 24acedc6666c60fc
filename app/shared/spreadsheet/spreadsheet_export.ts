/**
 * What an export hands to the writers: columns that say what they hold, and
 * rows of plain values. The writers decide how each kind is stored, so an
 * identifier stays text and a date stays a date whatever the format.
 */
import { DateTime } from 'luxon'
import { isoDate } from '#shared/csv/danish_dates'
import { DANISH_ZONE } from '#shared/danish_time'
import { numberText } from '#shared/spreadsheet/cell_text'

export type SpreadsheetColumnKind = 'text' | 'date' | 'number'

export type SpreadsheetColumn = {
  header: string
  /**
   * `text` for anything that is not arithmetic, identifiers above all (CVR,
   * EAN, phone numbers, postcodes): stored as text so no leading zero or
   * digit is lost. `date`: a calendar day. `number`: amounts and counts.
   */
  kind: SpreadsheetColumnKind
  /** In characters; sized to the content when left out. */
  width?: number
}

export type SpreadsheetCell = string | number | Date | null | undefined

export type SpreadsheetExport = {
  sheetName: string
  columns: SpreadsheetColumn[]
  rows: SpreadsheetCell[][]
  /**
   * The workbook's created and modified dates. A fixed default, so that two
   * exports of the same register are the same workbook.
   */
  createdAt?: Date
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The calendar day a cell holds, as an ISO date, or null when it holds none. */
export function calendarDay(cell: SpreadsheetCell): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null
    // A date column reads as local midnight: that is the day itself. Any
    // other moment is on the day it is in Denmark.
    const localMidnight =
      cell.getHours() === 0 && cell.getMinutes() === 0 && cell.getSeconds() === 0
    if (localMidnight) return isoDate(cell.getFullYear(), cell.getMonth() + 1, cell.getDate())
    return DateTime.fromJSDate(cell).setZone(DANISH_ZONE).toISODate()
  }
  if (typeof cell !== 'string') return null
  const match = ISO_DATE.exec(cell.trim())
  return match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null
}

/** A value as text: numbers in Danish with every digit, dates as ISO dates. */
export function cellAsText(cell: SpreadsheetCell): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'number') return numberText(cell)
  if (cell instanceof Date) return calendarDay(cell) ?? ''
  return cell
}

/** Each row must have one value per column, or values land under the wrong header. */
export function assertAligned(input: SpreadsheetExport) {
  input.rows.forEach((row, index) => {
    if (row.length !== input.columns.length) {
      throw new Error(
        `Row ${index + 2} has ${row.length} values for ${input.columns.length} columns`
      )
    }
  })
}
