import { extname } from 'node:path'
import type { SpreadsheetExport } from '#shared/spreadsheet/spreadsheet_export'
import type { SpreadsheetFormat } from '#shared/spreadsheet/spreadsheet_format'
import { writeCsv } from '#shared/spreadsheet/write_csv'
import { writeXlsx } from '#shared/spreadsheet/write_xlsx'

/** The format an export's file name asks for; null for a name that is neither. */
export function exportFormatOf(fileName: string): SpreadsheetFormat | null {
  const extension = extname(fileName).toLowerCase()
  if (extension === '.xlsx') return 'xlsx'
  if (extension === '.csv') return 'csv'
  return null
}

/** One export description, written as a workbook or as CSV for Danish Excel. */
export async function writeSpreadsheet(input: SpreadsheetExport, format: SpreadsheetFormat) {
  return format === 'xlsx' ? writeXlsx(input) : writeCsv(input)
}
