import { FONT } from '#shared/pdf/fonts'
import {
  COLOR,
  CONTENT_WIDTH,
  MARGIN,
  RIGHT_BLOCK_WIDTH,
  RIGHT_BLOCK_X,
  SIZE,
  ensureSpace,
  rule,
} from '#shared/pdf/page_frame'
import { drawTable, totalRow, type TableCell, type TableLayout } from '#shared/pdf/table'
import { content, group } from '#shared/pdf/tags'
import { formatDay as day } from '#shared/pdf/text'
import { breakLongWords } from '#shared/pdf/wrap'
import type { InvoiceDocument, InvoiceLine } from '#dues/documents/invoice_document'
import { LABELS, amountFormatter } from '#dues/documents/invoice_pdf_labels'

/**
 * The invoice's body: its lines, the totals under them and the note. The
 * totals never stand alone on a page: the last line goes over with them.
 */

const LINES_TABLE: TableLayout = (() => {
  const quantity = 45
  const unit = 95
  const amount = 105
  const columns = LABELS.columns
  return {
    columns: [
      { header: columns.description, width: CONTENT_WIDTH - quantity - unit - amount },
      { header: columns.quantity, width: quantity, align: 'right' },
      { header: columns.unit, width: unit, align: 'right' },
      { header: columns.amount, width: amount, align: 'right' },
    ],
    // Room for the headings and a line or two, else the table starts on the next page.
    keepTogether: 60,
  }
})()

/** Space between the lines and the totals. */
const TOTALS_GAP = 10

const quantityFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 })
const ratePercentFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 })

function periodText(line: InvoiceLine) {
  return line.period ? LABELS.period(day(line.period.start), day(line.period.end)) : null
}

/** The lines flow over as many pages as they need, each page repeating the column headings. */
export function drawLines(doc: PDFKit.PDFDocument, document: InvoiceDocument, top: number) {
  const amount = amountFormatter(document)
  const rows = document.lines.map((line): TableCell[] => {
    const period = periodText(line)
    return [
      [
        { text: line.description },
        ...(period ? [{ text: period, size: SIZE.small, color: COLOR.muted }] : []),
      ],
      quantityFormat.format(line.quantity),
      amount(line.unitOre),
      amount(line.amountOre),
    ]
  })
  const keepWithLast = TOTALS_GAP + totalsHeight(doc, document)
  return drawTable(doc, LINES_TABLE, rows, top, { keepWithLast }) + TOTALS_GAP
}

function vatReasonHeight(doc: PDFKit.PDFDocument, document: InvoiceDocument) {
  const vat = document.vat
  if (!vat.exempt) return 0
  doc.font(FONT.regular).fontSize(SIZE.small)
  const height = doc.heightOfString(vat.reason, { width: RIGHT_BLOCK_WIDTH }) + 6
  doc.fontSize(SIZE.body)
  return height
}

/** The room the totals take, so the table can keep its last line with them. */
function totalsHeight(doc: PDFKit.PDFDocument, document: InvoiceDocument) {
  return 3 * 18 + vatReasonHeight(doc, document)
}

export function drawTotals(doc: PDFKit.PDFDocument, document: InvoiceDocument, top: number) {
  const amount = amountFormatter(document)
  const vat = document.vat
  const rows: [string, string][] = [
    [LABELS.subtotal, amount(document.netOre)],
    [
      vat.exempt ? LABELS.vatExempt : LABELS.vat(ratePercentFormat.format(vat.ratePercent)),
      amount(document.vatOre),
    ],
  ]
  let y = ensureSpace(doc, top, totalsHeight(doc, document))

  doc.fontSize(SIZE.body)
  group(doc, 'Table', () => {
    for (const [label, value] of rows) {
      totalRow(doc, label, value, y)
      y = doc.y + 3
    }
    rule(doc, RIGHT_BLOCK_X, y, RIGHT_BLOCK_WIDTH, COLOR.text)
    y += 4
    doc.font(FONT.bold)
    totalRow(doc, LABELS.total, amount(document.totalOre), y)
    doc.font(FONT.regular)
  })
  y = doc.y

  if (vat.exempt) {
    // The exemption rule is what momsloven asks for in place of a VAT amount.
    doc.fontSize(SIZE.small).fillColor(COLOR.muted)
    const reason = breakLongWords(doc, vat.reason, RIGHT_BLOCK_WIDTH)
    content(doc, 'P', () =>
      doc.text(reason, RIGHT_BLOCK_X, y + 6, { width: RIGHT_BLOCK_WIDTH, align: 'right' })
    )
    doc.fillColor(COLOR.text).fontSize(SIZE.body)
    y = doc.y
  }
  return y + 24
}

export function drawNote(doc: PDFKit.PDFDocument, document: InvoiceDocument, top: number) {
  if (!document.note) return top
  doc.font(FONT.regular).fontSize(SIZE.body)
  const note = breakLongWords(doc, document.note, CONTENT_WIDTH)
  const height = doc.heightOfString(note, { width: CONTENT_WIDTH })
  // A long note may run onto the next page by itself; a short one is kept whole.
  const y = ensureSpace(doc, top, Math.min(height, 120))
  content(doc, 'P', () => doc.text(note, MARGIN.left, y, { width: CONTENT_WIDTH }))
  return doc.y
}
