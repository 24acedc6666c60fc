/**
 * One reader for the files secretariats upload: CSV as Excel, LibreOffice and
 * Numbers save it (.csv, .txt) and Excel workbooks (.xlsx), each as a table
 * of text with Excel's row numbers, so an import reads them all alike.
 */
import { DanishCsvError, readDanishCsv } from '#shared/csv/read_danish_csv'
import { readXlsx } from '#shared/spreadsheet/read_xlsx'
import { detectFormat } from '#shared/spreadsheet/spreadsheet_format'
import { SpreadsheetError } from '#shared/spreadsheet/spreadsheet_error'
import type { CsvTable, SpreadsheetTable } from '#shared/spreadsheet/spreadsheet_table'

export type ReadSpreadsheetOptions = {
  /** The workbook's sheet to read, by name; the first sheet when left out. CSV has one. */
  sheet?: string
}

/** Throws a SpreadsheetError for a file the user has to fix. */
export async function readSpreadsheet(
  file: Buffer,
  fileName: string,
  options: ReadSpreadsheetOptions = {}
): Promise<SpreadsheetTable> {
  const format = detectFormat(file, fileName)
  if (format === 'xlsx') return readXlsx(file, options.sheet)
  return readCsvTable(file)
}

/** A CSV file as a table; synchronous, for a caller that has only CSV. */
export function readCsvTable(file: Buffer): CsvTable {
  try {
    return { format: 'csv', ...readDanishCsv(file) }
  } catch (error) {
    if (error instanceof DanishCsvError) throw SpreadsheetError.fromCsv(error)
    throw error
  }
}
