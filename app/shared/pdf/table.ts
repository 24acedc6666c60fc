import { FONT, type FontName } from '#shared/pdf/fonts'
import {
  COLOR,
  MARGIN,
  RIGHT_BLOCK_WIDTH,
  RIGHT_BLOCK_X,
  SIZE,
  ensureSpace,
  rule,
} from '#shared/pdf/page_frame'
import { artifact, content, group } from '#shared/pdf/tags'
import { breakLongWords } from '#shared/pdf/wrap'

/**
 * A table that flows over as many pages as it needs, each page repeating the
 * column headings: a shaded heading row, then rows as tall as their tallest
 * cell, each underlined. Tagged as a table: a heading row of TH cells that
 * head their columns, then a TR of TD cells per row; the headings repeated on
 * later pages are page furniture, read once.
 */

export type TableColumn = { header: string; width: number; align?: 'left' | 'right' | 'center' }

/** One run of text in a cell; later runs go below the first, e.g. a muted note. */
export type CellRun = {
  text: string
  size?: number
  color?: string
  font?: FontName
  /** Space above a run after the first. */
  gap?: number
}

export type TableCell = string | null | CellRun[]

export type TableLayout = {
  columns: TableColumn[]
  /** The left edge; the page margin unless given. */
  x?: number
  /** Row text size. */
  size?: number
  headerSize?: number
  padding?: number
  /**
   * Room wanted below `top` for the heading and the first rows before
   * starting a new page instead; the heading and first row by default.
   */
  keepTogether?: number
  /** The first cell of each row names the row (an organisation, a total), so it is its heading. */
  rowHeadings?: boolean
}

export type TableOptions = {
  /**
   * Room the block drawn right after the table needs (totals, a closing
   * line); the last row moves to the next page with it rather than leave it
   * alone there.
   */
  keepWithLast?: number
}

const DEFAULT_PADDING = 4
const DEFAULT_GAP = 1

function placed(layout: TableLayout) {
  let x = layout.x ?? MARGIN.left
  return layout.columns.map((column) => {
    const at = { ...column, x }
    x += column.width
    return at
  })
}

function runsOf(cell: TableCell): CellRun[] {
  if (cell === null) return []
  if (typeof cell === 'string') return cell ? [{ text: cell }] : []
  return cell.filter((run) => run.text)
}

/** A run's text with break points in words too long for the cell; the run's font must be set. */
function fitted(doc: PDFKit.PDFDocument, run: CellRun, width: number) {
  return breakLongWords(doc, run.text, width)
}

function applyRun(doc: PDFKit.PDFDocument, run: CellRun, size: number) {
  const styled = run.size !== undefined || run.color !== undefined
  if (styled) doc.fontSize(run.size ?? size).fillColor(run.color ?? COLOR.text)
  if (run.font) doc.font(run.font)
  return styled
}

function resetRun(doc: PDFKit.PDFDocument, run: CellRun, size: number, styled: boolean) {
  if (styled) doc.fontSize(size).fillColor(COLOR.text)
  if (run.font) doc.font(FONT.regular)
}

/**
 * The heading row at `top`; returns the y below it. The first is the table's
 * heading row; a `repeated` one, on a later page, is page furniture.
 */
export function drawTableHeader(
  doc: PDFKit.PDFDocument,
  layout: TableLayout,
  top: number,
  repeated = false
) {
  const columns = placed(layout)
  const padding = layout.padding ?? DEFAULT_PADDING
  doc.font(FONT.bold).fontSize(layout.headerSize ?? SIZE.small)
  const headers = columns.map((column) =>
    breakLongWords(doc, column.header, column.width - 2 * padding)
  )
  const textHeight = Math.max(
    doc.currentLineHeight(),
    ...columns.map((column, index) =>
      doc.heightOfString(headers[index], { width: column.width - 2 * padding })
    )
  )
  const height = textHeight + 2 * padding
  const width = columns.reduce((sum, column) => sum + column.width, 0)
  artifact(doc, () => doc.rect(columns[0].x, top, width, height).fill(COLOR.headerFill))
  doc.fillColor(COLOR.text)
  const cells = () =>
    columns.forEach((column, index) => {
      const draw = () =>
        doc.text(headers[index], column.x + padding, top + padding, {
          width: column.width - 2 * padding,
          align: column.align ?? 'left',
        })
      if (repeated) artifact(doc, draw, 'Pagination')
      else content(doc, 'TH', draw, { scope: 'Column' })
    })
  if (repeated) cells()
  else group(doc, 'TR', cells)
  doc.font(FONT.regular)
  return top + height
}

function rowHeight(doc: PDFKit.PDFDocument, layout: TableLayout, row: TableCell[]) {
  const padding = layout.padding ?? DEFAULT_PADDING
  const size = layout.size ?? SIZE.body
  const heights = placed(layout).map((column, index) => {
    const width = column.width - 2 * padding
    return runsOf(row[index] ?? null).reduce((height, run, runIndex) => {
      doc.font(run.font ?? FONT.regular).fontSize(run.size ?? size)
      const gap = runIndex ? (run.gap ?? DEFAULT_GAP) : 0
      return height + gap + doc.heightOfString(fitted(doc, run, width), { width })
    }, 0)
  })
  doc.font(FONT.regular)
  return Math.max(...heights) + 2 * padding
}

/**
 * Draws the heading and the rows from `top`, starting a new page, with the
 * heading again, whenever the next row does not fit. Returns the y below the
 * last row.
 */
export function drawTable(
  doc: PDFKit.PDFDocument,
  layout: TableLayout,
  rows: TableCell[][],
  top: number,
  options: TableOptions = {}
) {
  return group(doc, 'Table', () => drawRows(doc, layout, rows, top, options))
}

function drawRows(
  doc: PDFKit.PDFDocument,
  layout: TableLayout,
  rows: TableCell[][],
  top: number,
  options: TableOptions
) {
  const columns = placed(layout)
  const width = columns.reduce((sum, column) => sum + column.width, 0)
  const keepTogether =
    layout.keepTogether ?? 24 + (rows.length ? rowHeight(doc, layout, rows[0]) : 0)

  let y = drawTableHeader(doc, layout, ensureSpace(doc, top, keepTogether))
  let rowsOnPage = 0
  rows.forEach((row, index) => {
    const height = rowHeight(doc, layout, row)
    const last = index === rows.length - 1
    const wanted = height + (last ? (options.keepWithLast ?? 0) : 0)
    const fitsPage = MARGIN.top + wanted <= doc.page.maxY()
    // The last row may not fit with what follows; it goes over with it when a page can hold both.
    const breakHere =
      y + height > doc.page.maxY() ||
      (last && rowsOnPage > 0 && fitsPage && y + wanted > doc.page.maxY())
    if (breakHere) {
      doc.addPage()
      y = drawTableHeader(doc, layout, MARGIN.top, true)
      rowsOnPage = 0
    }
    group(doc, 'TR', () => drawCells(doc, layout, row, y))
    y += height
    rowsOnPage++
    rule(doc, columns[0].x, y, width)
  })
  return y
}

function drawCells(doc: PDFKit.PDFDocument, layout: TableLayout, row: TableCell[], y: number) {
  const padding = layout.padding ?? DEFAULT_PADDING
  const size = layout.size ?? SIZE.body
  doc.fontSize(size).fillColor(COLOR.text)
  placed(layout).forEach((column, index) => {
    const heading = index === 0 && layout.rowHeadings
    const width = column.width - 2 * padding
    const draw = () =>
      runsOf(row[index] ?? null).forEach((run, runIndex) => {
        const styled = applyRun(doc, run, size)
        doc.font(run.font ?? FONT.regular)
        const at = runIndex ? doc.y + (run.gap ?? DEFAULT_GAP) : y + padding
        doc.text(fitted(doc, run, width), column.x + padding, at, {
          width,
          align: column.align ?? 'left',
        })
        resetRun(doc, run, size, styled)
      })
    content(doc, heading ? 'TH' : 'TD', draw, heading ? { scope: 'Row' } : {})
  })
}

/**
 * One line of the totals block at the right: its label a row header, the
 * figure right-aligned in the same column, as invoices and registers print them.
 */
export function totalRow(doc: PDFKit.PDFDocument, label: string, value: string, y: number) {
  group(doc, 'TR', () => {
    content(
      doc,
      'TH',
      () => doc.text(label, RIGHT_BLOCK_X, y, { width: RIGHT_BLOCK_WIDTH, lineBreak: false }),
      { scope: 'Row' }
    )
    content(doc, 'TD', () =>
      doc.text(value, RIGHT_BLOCK_X, y, { width: RIGHT_BLOCK_WIDTH, align: 'right' })
    )
  })
}
