import type { ImportProblem } from '#members/register_file/import_problems'
import { readSpreadsheetOrProblem } from '#shared/spreadsheet/spreadsheet_problem'
import type { SpreadsheetTable } from '#shared/spreadsheet/spreadsheet_table'

/** How the file was read: shown beside the preview, so a wrong guess is seen. */
export type ImportTableInfo = {
  format: 'csv' | 'xlsx'
  encoding?: string
  delimiter?: string
  sheet?: string
  sheets?: string[]
  rows: number
}

/** A CSV file or a workbook's sheet as a table, or the one problem that stops it being read. */
export async function readImportTable(
  file: Buffer,
  fileName: string,
  sheet: string | null
): Promise<{ table: SpreadsheetTable; info: ImportTableInfo } | { problem: ImportProblem }> {
  const read = await readSpreadsheetOrProblem(file, fileName, sheet ? { sheet } : {})
  if ('problem' in read) return { problem: read.problem as ImportProblem }
  const { table } = read
  return {
    table,
    info: {
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      sheet: table.sheet,
      sheets: table.sheets,
      rows: table.rows.length,
    },
  }
}
