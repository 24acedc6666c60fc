/**
 * One entry point for every statement the treasurer uploads: the format is
 * told by the file itself (camt.053 by its namespace, a bank's CSV by its
 * header row), never asked for.
 */
import { BankStatementError, type BankStatement } from '#dues/bank/bank_statement'
import { readBankCsv, type BankColumnMapping } from '#dues/bank/read_bank_csv'
import { readCsvTable } from '#shared/spreadsheet/read_spreadsheet'
import { readCamt053 } from '#dues/bank/read_camt053'

export type { BankEntry, BankStatement } from '#dues/bank/bank_statement'
export { BankStatementError } from '#dues/bank/bank_statement'
export type { BankColumnMapping } from '#dues/bank/read_bank_csv'

export type ReadBankStatementOptions = {
  /** The treasurer's mapping, for a bank whose header Kreds does not know. */
  mapping?: BankColumnMapping
  /** The saved mapping that fits these headers, if one does. */
  mappingFor?: (headers: string[]) => BankColumnMapping | undefined
}

/** Throws a BankStatementError (or the CSV reader's SpreadsheetError) for a file to fix. */
export async function readBankStatement(
  file: Buffer,
  fileName: string,
  options: ReadBankStatementOptions = {}
): Promise<BankStatement> {
  if (looksLikeXml(file) || fileName.toLowerCase().endsWith('.xml')) return readCamt053(file)
  try {
    return readBankCsv(file)
  } catch (error) {
    if (!(error instanceof BankStatementError) || error.problem !== 'unknown_format') throw error
    const mapping = options.mapping ?? options.mappingFor?.(csvHeadersOf(file))
    if (!mapping) throw error
    return readBankCsv(file, mapping)
  }
}

/** The first character after a UTF-8 BOM and white space is `<`. */
function looksLikeXml(file: Buffer) {
  const start = file
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
  return start.trimStart().startsWith('<')
}

/** The header row of a CSV file, for the treasurer to say which column is which. */
export function csvHeadersOf(file: Buffer): string[] {
  return readCsvTable(file).headers
}
