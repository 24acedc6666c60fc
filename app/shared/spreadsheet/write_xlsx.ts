/**
 * Writes an export as an .xlsx workbook that survives being opened, edited
 * and saved in Excel or LibreOffice: identifiers as text cells formatted as
 * text (so neither tool turns a CVR or an EAN into a number, nor drops the
 * zero of 0800), dates as real date cells, the header bold, frozen and
 * filterable. Text is always stored as text, never as a formula, so the
 * apostrophe guard the CSV writer needs has no place here.
 */
import ExcelJS from 'exceljs'
import { DANISH_CSV_LIMITS } from '#shared/csv/read_danish_csv'
import {
  assertAligned,
  calendarDay,
  cellAsText,
  type SpreadsheetCell,
  type SpreadsheetColumn,
  type SpreadsheetExport,
} from '#shared/spreadsheet/spreadsheet_export'

/** Excel's "@": whatever is typed into the cell later stays text too. */
const TEXT_FORMAT = '@'
const DATE_FORMAT = 'dd-mm-yyyy'
const COLUMN_STYLES: Record<SpreadsheetColumn['kind'], Partial<ExcelJS.Style>> = {
  text: { numFmt: TEXT_FORMAT },
  date: { numFmt: DATE_FORMAT },
  number: {},
}
const MIN_WIDTH = 8
const MAX_WIDTH = 60
/** A fixed date for the workbook's properties when the caller gives none. */
const FIXED_CREATED_AT = new Date(Date.UTC(2000, 0, 1))

export async function writeXlsx(input: SpreadsheetExport): Promise<Buffer> {
  assertAligned(input)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Kreds'
  workbook.lastModifiedBy = 'Kreds'
  workbook.created = input.createdAt ?? FIXED_CREATED_AT
  workbook.modified = input.createdAt ?? FIXED_CREATED_AT

  const sheet = workbook.addWorksheet(input.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  })
  sheet.columns = input.columns.map((column, index) => ({
    header: column.header,
    width: column.width ?? contentWidth(column, input.rows, index),
    style: COLUMN_STYLES[column.kind],
  }))
  sheet.getRow(1).eachCell((cell) => {
    cell.font = { bold: true }
  })
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: input.columns.length } }

  for (const row of input.rows) {
    sheet.addRow(row.map((cell, index) => storedValue(cell, input.columns[index])))
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function storedValue(cell: SpreadsheetCell, column: SpreadsheetColumn): ExcelJS.CellValue {
  if (cell === null || cell === undefined || cell === '') return null
  if (column.kind === 'number' && typeof cell === 'number') return cell
  if (column.kind === 'date') {
    const day = calendarDay(cell)
    // Midnight UTC of the day: exceljs counts days from 1970 in UTC, so the
    // cell shows that day whatever the server's time zone.
    if (day) return new Date(`${day}T00:00:00Z`)
  }
  const text = cellAsText(cell)
  // The most Excel holds in a cell; a longer value makes it "repair" the file.
  if (text.length > DANISH_CSV_LIMITS.maxValueLength) {
    throw new Error(`A value of ${text.length} characters does not fit in an Excel cell`)
  }
  return text
}

/** Wide enough for the longest line in the column, within reason. */
function contentWidth(column: SpreadsheetColumn, rows: SpreadsheetCell[][], index: number) {
  let longest = longestLine(column.header)
  for (const row of rows) {
    const cell = row[index]
    const text = column.kind === 'date' && calendarDay(cell) ? DATE_FORMAT : cellAsText(cell)
    longest = Math.max(longest, longestLine(text))
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2))
}

function longestLine(text: string): number {
  return Math.max(...text.split('\n').map((line) => line.length))
}
