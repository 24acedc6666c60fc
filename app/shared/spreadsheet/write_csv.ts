/**
 * The CSV counterpart of writeXlsx, for the same export: Kreds' CSV dialect
 * (UTF-8 with BOM, `;`, CRLF, the formula guard), dates as Danish Excel
 * shows and reads them (15-01-2021) and numbers with a decimal comma.
 */
import { writeDanishCsv, type DanishCsvCell } from '#shared/csv/write_danish_csv'
import {
  assertAligned,
  calendarDay,
  cellAsText,
  type SpreadsheetCell,
  type SpreadsheetColumn,
  type SpreadsheetExport,
} from '#shared/spreadsheet/spreadsheet_export'

export function writeCsv(input: SpreadsheetExport): Buffer {
  assertAligned(input)
  const headers = input.columns.map((column) => column.header)
  const rows = input.rows.map((row) =>
    row.map((cell, index) => csvCell(cell, input.columns[index]))
  )
  return writeDanishCsv(headers, rows)
}

function csvCell(cell: SpreadsheetCell, column: SpreadsheetColumn): DanishCsvCell {
  if (column.kind === 'number' && typeof cell === 'number') return cell
  if (column.kind === 'date') {
    const day = calendarDay(cell)
    if (day) return day.split('-').reverse().join('-')
  }
  return cellAsText(cell)
}
