import { FONT, type FontName } from '#shared/pdf/fonts'
import { COLOR, MARGIN, SIZE, ensureSpace, rule } from '#shared/pdf/page_frame'

/**
 * A table that flows over as many pages as it needs, each page repeating the
 * column headings: a shaded heading row, then rows as tall as their tallest
 * cell, each underlined.
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

/** The heading row at `top`; returns the y below it. */
export function drawTableHeader(doc: PDFKit.PDFDocument, layout: TableLayout, top: number) {
  const columns = placed(layout)
  const padding = layout.padding ?? DEFAULT_PADDING
  doc.font(FONT.bold).fontSize(layout.headerSize ?? SIZE.small)
  const textHeight = Math.max(
    doc.currentLineHeight(),
    ...columns.map((column) =>
      doc.heightOfString(column.header, { width: column.width - 2 * padding })
    )
  )
  const height = textHeight + 2 * padding
  const width = columns.reduce((sum, column) => sum + column.width, 0)
  doc.rect(columns[0].x, top, width, height).fill(COLOR.headerFill).fillColor(COLOR.text)
  for (const column of columns) {
    doc.text(column.header, column.x + padding, top + padding, {
      width: column.width - 2 * padding,
      align: column.align ?? 'left',
    })
  }
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
      return height + gap + doc.heightOfString(run.text, { width })
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
  top: number
) {
  const columns = placed(layout)
  const padding = layout.padding ?? DEFAULT_PADDING
  const size = layout.size ?? SIZE.body
  const width = columns.reduce((sum, column) => sum + column.width, 0)
  const keepTogether =
    layout.keepTogether ?? 24 + (rows.length ? rowHeight(doc, layout, rows[0]) : 0)

  let y = drawTableHeader(doc, layout, ensureSpace(doc, top, keepTogether))
  for (const row of rows) {
    const height = rowHeight(doc, layout, row)
    if (y + height > doc.page.maxY()) {
      doc.addPage()
      y = drawTableHeader(doc, layout, MARGIN.top)
    }
    doc.fontSize(size).fillColor(COLOR.text)
    columns.forEach((column, index) => {
      runsOf(row[index] ?? null).forEach((run, runIndex) => {
        const styled = applyRun(doc, run, size)
        const at = runIndex ? doc.y + (run.gap ?? DEFAULT_GAP) : y + padding
        doc.text(run.text, column.x + padding, at, {
          width: column.width - 2 * padding,
          align: column.align ?? 'left',
        })
        resetRun(doc, run, size, styled)
      })
    })
    y += height
    rule(doc, columns[0].x, y, width)
  }
  return y
}
