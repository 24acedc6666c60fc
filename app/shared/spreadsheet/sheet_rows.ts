/**
 * A worksheet part's rows, read by the rules of exceljs's streaming
 * worksheet reader (the same XML parser, the same reading of a cell's type,
 * value and number format, the same refusals) without its Row and Cell
 * objects: a register of ten thousand organisations is a quarter of a
 * million cells, and building those objects took most of the time spent
 * reading it. The exceljs version is pinned, so these rules stay its rules.
 */
import { createRequire } from 'node:module'
import type { Readable } from 'node:stream'

/** A cell's value as exceljs would hold it; `formula` only when the cell has one. */
export type SheetCellValue =
  | string
  | number
  | boolean
  | Date
  | { formula: string; result?: string | number }
  | { error: string }
  | { richText: { text?: string | null }[] }
  | { sharedString: number }
  | null
  | undefined

export type SheetCell = { value: SheetCellValue; numFmt: string | undefined }

/** One `<row>`: its number and its cells by column (index 0 is column A), gaps left empty. */
export type SheetRow = { number: number; cells: (SheetCell | undefined)[] }

export type SheetContext = {
  /** Undefined when the workbook has no shared strings part. */
  sharedStrings: SheetCellValue[] | undefined
  styles: { getStyleModel(id: number): { numFmt?: string } | null }
  date1904: boolean
}

export type SheetAttributes = Record<string, string | undefined>
type SaxNode = { name: string; attributes: SheetAttributes }
type SaxEvent =
  { eventType: 'opentag' | 'closetag'; value: SaxNode } | { eventType: 'text'; value: string }
type Text = { text: string }
type OpenCell = { ref: string | undefined; s: number; t: string | undefined; f?: Text; v?: Text }
type OpenRow = SheetRow & { numFmt: string | undefined; addressed: boolean }

const require = createRequire(import.meta.url)
const parseSax = require('exceljs/lib/utils/parse-sax.js') as (
  part: Readable
) => AsyncIterable<SaxEvent[]>
const utils = require('exceljs/lib/utils/utils.js') as {
  xmlDecode(text: string): string
  isDateFmt(numFmt: string | undefined): boolean
  excelToDate(serial: number, date1904: boolean): Date
}
const colCache = require('exceljs/lib/utils/col-cache.js') as {
  decodeAddress(ref: string | undefined): { col?: number }
  encodeAddress(row: number, col: number): string
  validateAddress(address: string): true
}

/**
 * Rows as each chunk of the part is parsed by exceljs's XML parser: a
 * chunk's XML error is reported before anything read from that chunk.
 */
export async function* sheetRows(part: Readable, context: SheetContext): AsyncGenerator<SheetRow> {
  const sheet = new SheetState(context)
  for await (const events of parseSax(part)) {
    for (const event of events) {
      if (event.eventType === 'text') sheet.text(event.value)
      else if (event.eventType === 'opentag') sheet.open(event.value.name, event.value.attributes)
      else sheet.close(event.value.name)
    }
    yield* sheet.takeRows()
  }
}

/** What exceljs's worksheet reader makes of the elements, attributes and text of a sheet. */
export class SheetState {
  private done: SheetRow[] = []
  private inRows = false
  private row: OpenRow | null = null
  private cell: OpenCell | null = null
  // Text goes to the last <f>, <v>, <is> or <t> opened, even after it closed: so exceljs reads it.
  private current: Text | null = null

  constructor(private readonly context: SheetContext) {}

  /** The rows completed since the last call. */
  takeRows() {
    const rows = this.done
    this.done = []
    return rows
  }

  text(text: string) {
    if (this.current) this.current.text += text
  }

  open(name: string, attributes: SheetAttributes) {
    switch (name) {
      case 'sheetData':
        this.inRows = true
        break
      case 'row':
        if (this.inRows) this.row = openRow(attributes, this.context)
        break
      case 'c':
        if (this.row) {
          const { r, s, t } = attributes
          this.cell = { ref: r, s: Number.parseInt(s as string, 10), t }
        }
        break
      case 'f':
        if (this.cell) this.current = this.cell.f = { text: '' }
        break
      case 'v':
      case 'is':
      case 't':
        if (this.cell) this.current = this.cell.v = { text: '' }
        break
    }
  }

  close(name: string) {
    switch (name) {
      case 'sheetData':
        this.inRows = false
        break
      case 'row':
        // exceljs hands on a row that closes without having opened, and fails on it.
        if (!this.row) throw new TypeError("Cannot read properties of null (reading 'cellCount')")
        this.done.push({ number: this.row.number, cells: this.row.cells })
        this.row = null
        break
      case 'c':
        if (this.row && this.cell) {
          closeCell(this.row, this.cell, this.context)
          this.cell = null
        }
        break
    }
  }
}

function openRow(attributes: SheetAttributes, context: SheetContext): OpenRow {
  const { r, s } = attributes
  const style = s ? context.styles.getStyleModel(Number.parseInt(s, 10)) : null
  const number = Number.parseInt(r as string, 10)
  // exceljs gives a new cell its row's format only when there is one.
  return { number, cells: [], numFmt: style?.numFmt || undefined, addressed: false }
}

function closeCell(row: OpenRow, open: OpenCell, context: SheetContext) {
  const column = columnOf(open.ref)
  let cell = row.cells[column - 1]
  if (!cell) {
    // A new cell takes its row's format, and its address must be one (no row number, no
    // cell): checked at the row's first cell, as the row's number is the part that can fail.
    if (!row.addressed) colCache.validateAddress(colCache.encodeAddress(row.number, column))
    row.addressed = true
    cell = { value: undefined, numFmt: row.numFmt }
    row.cells[column - 1] = cell
  }
  if (open.s) {
    const style = context.styles.getStyleModel(open.s)
    if (style) cell.numFmt = style.numFmt
  }
  if (open.f) {
    const value: { formula: string; result?: string | number } = { formula: open.f.text }
    if (open.v) {
      value.result =
        open.t === 'str' ? utils.xmlDecode(open.v.text) : Number.parseFloat(open.v.text)
    }
    cell.value = value
  } else if (open.v) {
    cell.value = cellValue(open.t, open.v.text, cell.numFmt, context)
  }
}

function cellValue(
  type: string | undefined,
  text: string,
  numFmt: string | undefined,
  context: SheetContext
): SheetCellValue {
  switch (type) {
    case 's': {
      const index = Number.parseInt(text, 10)
      return context.sharedStrings ? context.sharedStrings[index] : { sharedString: index }
    }
    case 'inlineStr':
    case 'str':
      return utils.xmlDecode(text)
    case 'e':
      return { error: text }
    case 'b':
      return Number.parseInt(text, 10) !== 0
    default:
      return isDateFormat(numFmt)
        ? utils.excelToDate(Number.parseFloat(text), context.date1904)
        : Number.parseFloat(text)
  }
}

/** exceljs's test of a number format, asked once per format rather than once per cell. */
const dateFormats = new Map<string | undefined, boolean>()
function isDateFormat(numFmt: string | undefined) {
  let isDate = dateFormats.get(numFmt)
  if (isDate === undefined) {
    isDate = utils.isDateFmt(numFmt)
    if (dateFormats.size < 1000) dateFormats.set(numFmt, isDate)
  }
  return isDate
}

const A = 65
const Z = 90
const ZERO = 48
const NINE = 57

/** The column of a cell reference such as `AB12`; anything unusual is left to exceljs to read or refuse. */
function columnOf(ref: string | undefined): number {
  if (typeof ref === 'string') {
    let column = 0
    let letters = 0
    for (; letters < ref.length && letters <= 3; letters++) {
      const code = ref.charCodeAt(letters)
      if (code < A || code > Z) break
      column = column * 26 + code - A + 1
    }
    let end = letters
    for (; end < ref.length; end++) {
      const code = ref.charCodeAt(end)
      if (code < ZERO || code > NINE) break
    }
    const plain = letters > 0 && letters <= 3 && end > letters && end === ref.length
    if (plain && column <= 16_384) return column
  }
  const { col } = colCache.decodeAddress(ref)
  if (col === undefined) throw new Error('A Cell needs a Row')
  return col
}
