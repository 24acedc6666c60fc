import { readFile } from 'node:fs/promises'
import { buffer } from 'node:stream/consumers'
import { FONT } from '#shared/pdf/fonts'
import {
  COLOR,
  CONTENT_WIDTH,
  MARGIN,
  RIGHT_BLOCK_WIDTH,
  RIGHT_BLOCK_X,
  SIZE,
  drawLetterhead,
  drawPageFooters,
  ensureSpace,
  openPdf,
  rule,
} from '#shared/pdf/page_frame'
import { drawTable, type TableCell, type TableLayout } from '#shared/pdf/table'
import { addressLines, danishDay, formatDay as day } from '#shared/pdf/text'
import type { InvoiceDocument, InvoiceLine } from '#dues/documents/invoice_document'
import { LABELS, amountFormatter } from '#dues/documents/invoice_pdf_labels'
import { drawFikSlip, drawPayment } from '#dues/documents/invoice_pdf_payment'

/**
 * The invoice and credit-note PDF: A4, Danish, carrying what bogføringsloven
 * and momsloven ask an invoice to show (see docs/domain.md, Invoices).
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

const quantityFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 })
const ratePercentFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 })

export type InvoicePdfOptions = {
  /** A PNG or JPEG; left out when missing or unreadable, so a bad upload never blocks an invoice. */
  logoPath?: string | null
}

/** The finished PDF, e.g. to attach to a mail or store. */
export async function renderInvoicePdf(document: InvoiceDocument, options: InvoicePdfOptions = {}) {
  return buffer(await invoicePdfStream(document, options))
}

/** The PDF as a readable stream for `response.stream()`; it is already complete. */
export async function invoicePdfStream(
  document: InvoiceDocument,
  options: InvoicePdfOptions = {}
): Promise<PDFKit.PDFDocument> {
  const [doc, logo] = await Promise.all([
    openPdf({
      title: `${LABELS.title[document.kind]} ${document.number}`,
      author: document.seller.name,
      // The issue date rather than the clock, so the same invoice renders to the same bytes.
      createdAt: danishDay(document.issueDate).toJSDate(),
    }),
    readLogo(options.logoPath),
  ])

  let y = drawHeader(doc, document, logo)
  y = drawLines(doc, document, y)
  y = drawTotals(doc, document, y)
  y = drawPayment(doc, document, y)
  y = drawNote(doc, document, y)
  drawFikSlip(doc, document, y)
  drawFooters(doc, document)
  doc.end()
  return doc
}

/** "faktura-2026-0001.pdf", for Content-Disposition and attachments. */
export function invoicePdfFilename(document: InvoiceDocument) {
  const number = document.number.replace(/[^\w.-]+/g, '-')
  return `${LABELS.filename[document.kind]}-${number}.pdf`
}

async function readLogo(path: string | null | undefined) {
  if (!path) return null
  try {
    const data = await readFile(path)
    const isPng = data.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    const isJpeg = data[0] === 0xff && data[1] === 0xd8
    return isPng || isJpeg ? data : null
  } catch {
    return null
  }
}

function drawHeader(doc: PDFKit.PDFDocument, document: InvoiceDocument, logo: Buffer | null) {
  let logoBottom = MARGIN.top
  if (logo) {
    try {
      doc.image(logo, MARGIN.left, MARGIN.top, { fit: [170, 60] })
      logoBottom = MARGIN.top + 60
    } catch {
      // A corrupt image is skipped like a missing one.
    }
  }

  const seller = document.seller
  const sellerLines = [
    ...addressLines(seller),
    seller.cvr && `${LABELS.cvr} ${seller.cvr}`,
    seller.email,
    seller.phone && `${LABELS.phone} ${seller.phone}`,
  ].filter((line): line is string => !!line)
  const letterheadBottom = drawLetterhead(doc, seller.name, sellerLines)

  let y = Math.max(letterheadBottom, logoBottom) + 28
  doc.font(FONT.bold).fontSize(SIZE.title).text(LABELS.title[document.kind], MARGIN.left, y)
  y = doc.y + 2
  if (document.kind === 'credit_note' && document.creditedInvoice) {
    const credited = document.creditedInvoice
    doc.font(FONT.regular).fontSize(SIZE.body)
    doc.text(LABELS.credits(credited.number, day(credited.issueDate)), MARGIN.left, y)
    y = doc.y
  }
  y += 14

  const buyerBottom = drawBuyer(doc, document, y)
  const metaBottom = drawMeta(doc, document, y)
  return Math.max(buyerBottom, metaBottom) + 24
}

function drawBuyer(doc: PDFKit.PDFDocument, document: InvoiceDocument, top: number) {
  const buyer = document.buyer
  const width = CONTENT_WIDTH - RIGHT_BLOCK_WIDTH - 30
  doc.font(FONT.bold).fontSize(SIZE.body).text(buyer.name, MARGIN.left, top, { width })
  doc.font(FONT.regular)
  for (const line of addressLines(buyer)) doc.text(line, { width })

  const identifiers: [string, string | null][] = [
    [LABELS.cvr, buyer.cvr],
    [LABELS.ean, buyer.ean],
    [LABELS.reference, buyer.reference],
  ]
  const shown = identifiers.filter((pair): pair is [string, string] => !!pair[1])
  if (shown.length) doc.moveDown(0.4)
  for (const [label, value] of shown) doc.text(`${label} ${value}`, { width })
  return doc.y
}

function drawMeta(doc: PDFKit.PDFDocument, document: InvoiceDocument, top: number) {
  const rows: [string, string][] = [
    [LABELS.number[document.kind], document.number],
    [LABELS.issueDate[document.kind], day(document.issueDate)],
  ]
  if (document.kind === 'invoice' && document.dueDate) {
    rows.push([LABELS.dueDate, day(document.dueDate)])
  }

  let y = top
  doc.fontSize(SIZE.body)
  for (const [label, value] of rows) {
    doc.font(FONT.regular).fillColor(COLOR.muted)
    doc.text(label, RIGHT_BLOCK_X, y, { width: RIGHT_BLOCK_WIDTH, lineBreak: false })
    doc.font(FONT.bold).fillColor(COLOR.text)
    doc.text(value, RIGHT_BLOCK_X, y, { width: RIGHT_BLOCK_WIDTH, align: 'right' })
    y = doc.y + 2
  }
  doc.font(FONT.regular)
  return y
}

function periodText(line: InvoiceLine) {
  return line.period ? LABELS.period(day(line.period.start), day(line.period.end)) : null
}

/** The lines flow over as many pages as they need, each page repeating the column headings. */
function drawLines(doc: PDFKit.PDFDocument, document: InvoiceDocument, top: number) {
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
  return drawTable(doc, LINES_TABLE, rows, top) + 10
}

function drawTotals(doc: PDFKit.PDFDocument, document: InvoiceDocument, top: number) {
  const amount = amountFormatter(document)
  const vat = document.vat
  const rows: [string, string][] = [
    [LABELS.subtotal, amount(document.netOre)],
    [
      vat.exempt ? LABELS.vatExempt : LABELS.vat(ratePercentFormat.format(vat.ratePercent)),
      amount(document.vatOre),
    ],
  ]
  const reasonHeight = vat.exempt
    ? doc.fontSize(SIZE.small).heightOfString(vat.reason, { width: RIGHT_BLOCK_WIDTH }) + 6
    : 0
  let y = ensureSpace(doc, top, 3 * 18 + reasonHeight)

  doc.fontSize(SIZE.body)
  for (const [label, value] of rows) {
    totalRow(doc, label, value, y)
    y = doc.y + 3
  }
  rule(doc, RIGHT_BLOCK_X, y, RIGHT_BLOCK_WIDTH, COLOR.text)
  y += 4
  doc.font(FONT.bold)
  totalRow(doc, LABELS.total, amount(document.totalOre), y)
  doc.font(FONT.regular)
  y = doc.y

  if (vat.exempt) {
    // The exemption rule is what momsloven asks for in place of a VAT amount.
    doc.fontSize(SIZE.small).fillColor(COLOR.muted)
    doc.text(vat.reason, RIGHT_BLOCK_X, y + 6, { width: RIGHT_BLOCK_WIDTH, align: 'right' })
    doc.fillColor(COLOR.text).fontSize(SIZE.body)
    y = doc.y
  }
  return y + 24
}

function totalRow(doc: PDFKit.PDFDocument, label: string, value: string, y: number) {
  doc.text(label, RIGHT_BLOCK_X, y, { width: RIGHT_BLOCK_WIDTH, lineBreak: false })
  doc.text(value, RIGHT_BLOCK_X, y, { width: RIGHT_BLOCK_WIDTH, align: 'right' })
}

function drawNote(doc: PDFKit.PDFDocument, document: InvoiceDocument, top: number) {
  if (!document.note) return top
  doc.fontSize(SIZE.body)
  const height = doc.heightOfString(document.note, { width: CONTENT_WIDTH })
  // A long note may run onto the next page by itself; a short one is kept whole.
  const y = ensureSpace(doc, top, Math.min(height, 120))
  doc.text(document.note, MARGIN.left, y, { width: CONTENT_WIDTH })
  return doc.y
}

/** Written last, when the page count is known. */
function drawFooters(doc: PDFKit.PDFDocument, document: InvoiceDocument) {
  const seller = document.seller
  drawPageFooters(doc, [
    seller.name,
    seller.cvr && `${LABELS.cvr} ${seller.cvr}`,
    `${LABELS.title[document.kind]} ${document.number}`,
  ])
}
