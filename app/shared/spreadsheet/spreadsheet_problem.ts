import type { CsvProblem } from '#shared/csv/describe_problem'
import type { DanishCsvLimit } from '#shared/csv/read_danish_csv'
import { readSpreadsheet, type ReadSpreadsheetOptions } from '#shared/spreadsheet/read_spreadsheet'
import { SpreadsheetError } from '#shared/spreadsheet/spreadsheet_error'
import type { SpreadsheetTable } from '#shared/spreadsheet/spreadsheet_table'

export type SpreadsheetProblem = CsvProblem & { code: 'unreadable' | DanishCsvLimit }

/**
 * Reads an uploaded file, or says on which row it cannot be read, in the
 * shape every import reports problems in. A limit gets its own code (the
 * message names the limit); anything else is `unreadable` with the reason,
 * which describeProblem puts in words.
 */
export async function readSpreadsheetOrProblem(
  file: Buffer,
  fileName: string,
  options: ReadSpreadsheetOptions = {}
): Promise<{ table: SpreadsheetTable } | { problem: SpreadsheetProblem }> {
  try {
    return { table: await readSpreadsheet(file, fileName, options) }
  } catch (error) {
    if (!(error instanceof SpreadsheetError)) throw error
    return { problem: spreadsheetProblem(error) }
  }
}

export function spreadsheetProblem(error: SpreadsheetError): SpreadsheetProblem {
  if (error.limit) {
    const { max, column, actual } = error.limit
    return {
      line: error.row,
      column: column ?? '',
      code: error.reason as DanishCsvLimit,
      params: { max, actual: actual ?? max },
    }
  }
  return {
    line: error.row,
    column: '',
    code: 'unreadable',
    params: { ...error.params, reason: error.reason },
  }
}
