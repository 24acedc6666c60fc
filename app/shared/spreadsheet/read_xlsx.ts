/**
 * Reads one sheet of an .xlsx workbook as a table of text, row by row as the
 * sheet unpacks, and stops at the first row beyond a limit: a sheet is never
 * held in memory whole, and a hostile one costs no more than a real import.
 */
import { DANISH_CSV_LIMITS, DanishCsvError } from '#shared/csv/read_danish_csv'
import { readHeaders, toValues } from '#shared/csv/table_shape'
import { cellText } from '#shared/spreadsheet/cell_text'
import { WorkbookParts, type SheetEntry } from '#shared/spreadsheet/exceljs_reader'
import type { SheetRow } from '#shared/spreadsheet/sheet_rows'
import { NotPlainXml } from '#shared/spreadsheet/plain_sheet'
import { SpreadsheetError } from '#shared/spreadsheet/spreadsheet_error'
import type { SpreadsheetRow, XlsxTable } from '#shared/spreadsheet/spreadsheet_table'
import { XlsxPackage } from '#shared/spreadsheet/xlsx_package'

export async function readXlsx(file: Buffer, sheetName?: string): Promise<XlsxTable> {
  const workbook = await XlsxPackage.open(file)
  try {
    return await readWorkbook(workbook, sheetName)
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error
    if (error instanceof DanishCsvError) throw SpreadsheetError.fromCsv(error)
    const detail = error instanceof Error ? error.message : String(error)
    throw new SpreadsheetError(1, 'corrupt', `the workbook could not be read: ${detail}`)
  } finally {
    workbook.close()
  }
}

async function readWorkbook(workbook: XlsxPackage, sheetName?: string): Promise<XlsxTable> {
  const parts = new WorkbookParts()
  // Excel and LibreOffice both keep the workbook's parts here.
  await parts.readRelationships(await workbook.open('xl/_rels/workbook.xml.rels'))
  await parts.readWorkbook(await workbook.open('xl/workbook.xml'))
  if (workbook.has('xl/styles.xml')) await parts.readStyles(await workbook.open('xl/styles.xml'))
  if (workbook.has('xl/sharedStrings.xml')) {
    await parts.readSharedStrings(await workbook.open('xl/sharedStrings.xml'))
  }

  const sheets = parts.sheets
  const sheet = chooseSheet(sheets, sheetName)
  const path = parts.sheetPath(sheet)
  if (!path || !workbook.has(path)) {
    throw new SpreadsheetError(1, 'corrupt', `the sheet "${sheet.name}" has no part`)
  }
  const table = await readSheet(workbook, parts, path)
  return { format: 'xlsx', sheet: sheet.name, sheets: sheets.map(({ name }) => name), ...table }
}

/**
 * The plain XML that spreadsheet programs write is read quickly; a sheet
 * that turns out to hold anything else is read again from the start by the
 * full parser, which gives the same rows and refusals.
 */
async function readSheet(workbook: XlsxPackage, parts: WorkbookParts, path: string) {
  try {
    return await readRows(parts.plainRows(await workbook.open(path)), parts.date1904)
  } catch (error) {
    if (!(error instanceof NotPlainXml)) throw error
  }
  return readRows(parts.rows(await workbook.open(path)), parts.date1904)
}

/** By name (exact, or else ignoring case), or the first sheet a person sees. */
function chooseSheet(sheets: SheetEntry[], name?: string): SheetEntry {
  if (sheets.length === 0) throw new SpreadsheetError(1, 'corrupt', 'the workbook has no sheets')
  if (name === undefined) return sheets.find((sheet) => sheet.state !== 'hidden') ?? sheets[0]
  const wanted = name.trim().toLowerCase()
  const found =
    sheets.find((sheet) => sheet.name === name) ??
    sheets.find((sheet) => sheet.name.trim().toLowerCase() === wanted)
  if (found) return found
  const names = sheets.map((sheet) => sheet.name).join(', ')
  throw new SpreadsheetError(
    1,
    'unknown_sheet',
    `no sheet "${name}"; the sheets are ${names}`,
    undefined,
    { sheet: name, sheets: names }
  )
}

/**
 * The header is the first row with a value, the table starts at its first
 * value, and each row keeps the number Excel shows. Empty rows and empty cells after the last value (a sheet
 * formatted further than it is filled) are passed over.
 */
async function readRows(sheetRows: AsyncIterable<SheetRow>, date1904: boolean) {
  const { maxRows, maxCells } = DANISH_CSV_LIMITS
  let headers: string[] | null = null
  let firstColumn = 0
  const rows: SpreadsheetRow[] = []
  let cells = 0
  for await (const row of sheetRows) {
    // Counted as CSV counts them, up to the row's last cell: formatting alone
    // makes Excel write empty cells, and each one costs the parser.
    cells += row.cells.length
    if (cells > maxCells) {
      throw new SpreadsheetError(row.number, 'too_many_cells', 'too many cells', { max: maxCells })
    }
    const record = rowRecord(row, date1904)
    if (record.length === 0) continue
    if (!headers) {
      // A table may start further right than column A; the columns left of it are no columns.
      firstColumn = record.findIndex((text) => text !== '')
      headers = readHeaders(record.slice(firstColumn), row.number)
      continue
    }
    const stray = record.slice(0, firstColumn).findIndex((text) => text !== '')
    if (stray !== -1) {
      const detail = `column ${stray + 1} has a value but no header`
      throw new SpreadsheetError(row.number, 'value_without_header', detail)
    }
    if (rows.length === maxRows) {
      throw new SpreadsheetError(row.number, 'too_many_rows', `more than ${maxRows} rows`, {
        max: maxRows,
      })
    }
    const values = toValues(record.slice(firstColumn), headers, row.number)
    rows.push({ line: row.number, values })
  }
  return { headers: headers ?? [], rows }
}

/** The row's text by column, up to its last value; empty when the row has none. */
function rowRecord(row: SheetRow, date1904: boolean): string[] {
  const record: string[] = []
  row.cells.forEach((cell, index) => {
    if (!cell) return
    const text = cellText(cell, date1904)
    if (text === '') return
    while (record.length < index) record.push('')
    record.push(text)
  })
  return record
}
