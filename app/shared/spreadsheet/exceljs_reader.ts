/**
 * exceljs's streaming workbook reader, fed part by part from a package that
 * Kreds has opened and capped itself. The reader's own zip handling unpacks
 * every part with no limit and writes sheets stored before the shared
 * strings (as Excel stores them) to temporary files; its parsers for the
 * workbook, styles and shared strings are what is wanted, and they take any
 * stream. Their names begin with an underscore, so exceljs is pinned to one
 * version and the tests read real workbooks through them. A sheet's rows are
 * read by its worksheet parser's rules (sheet_rows, plain_sheet) without
 * building its Row and Cell objects.
 */
import type { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { sheetRows, type SheetCellValue, type SheetContext } from '#shared/spreadsheet/sheet_rows'
import { plainSheetRows } from '#shared/spreadsheet/plain_sheet'

export type SheetEntry = { id: number; name: string; rId: string; state?: string }
type Relationship = { Id: string; Target: string; Type: string }

type WorkbookReaderParts = {
  model?: { sheets?: SheetEntry[] }
  workbookRels?: Relationship[]
  properties?: { model?: { date1904?: boolean } }
  sharedStrings?: SheetCellValue[]
  styles: SheetContext['styles']
  _parseRels(entry: Readable): Promise<void>
  _parseWorkbook(entry: Readable): Promise<void>
  _parseStyles(entry: Readable): Promise<void>
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>
}

export class WorkbookParts {
  private readonly reader: WorkbookReaderParts

  constructor() {
    const options = {
      worksheets: 'emit',
      sharedStrings: 'cache',
      // A link's cell holds the text it shows; the target is not wanted.
      hyperlinks: 'ignore',
      // Styles tell a date from a number: both are stored as numbers.
      styles: 'cache',
      entries: 'ignore',
    } as const
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(undefined as never, options)
    this.reader = reader as unknown as WorkbookReaderParts
  }

  readWorkbook(part: Readable) {
    return this.reader._parseWorkbook(part)
  }

  readRelationships(part: Readable) {
    return this.reader._parseRels(part)
  }

  readStyles(part: Readable) {
    return this.reader._parseStyles(part)
  }

  async readSharedStrings(part: Readable) {
    // Cached by the reader: the generator yields nothing, but must be run through.
    for await (const event of this.reader._parseSharedStrings(part)) void event
  }

  get sheets(): SheetEntry[] {
    return this.reader.model?.sheets ?? []
  }

  get date1904(): boolean {
    return this.reader.properties?.model?.date1904 === true
  }

  /** The part a sheet is stored in, from the workbook's relationships. */
  sheetPath(sheet: SheetEntry): string | null {
    const relationship = this.reader.workbookRels?.find((rel) => rel.Id === sheet.rId)
    if (!relationship) return null
    const target = relationship.Target.replace(/^\//, '')
    return target.startsWith('xl/') ? target : `xl/${target}`
  }

  /** A sheet's rows read by exceljs's XML parser. */
  rows(part: Readable) {
    return sheetRows(part, this.sheetContext())
  }

  /** The same rows read quicker, or NotPlainXml for a part that needs the full parser. */
  plainRows(part: Readable) {
    return plainSheetRows(part, this.sheetContext())
  }

  private sheetContext(): SheetContext {
    const { sharedStrings, styles } = this.reader
    return { sharedStrings, styles, date1904: this.date1904 }
  }
}
