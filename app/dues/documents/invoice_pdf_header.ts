import { FONT } from '#shared/pdf/fonts'
import {
  COLOR,
  CONTENT_WIDTH,
  MARGIN,
  RIGHT_BLOCK_WIDTH,
  RIGHT_BLOCK_X,
  SIZE,
  drawLetterhead,
} from '#shared/pdf/page_frame'
import { artifact, content, group } from '#shared/pdf/tags'
import { addressLines, formatDay as day } from '#shared/pdf/text'
import { breakLongWords } from '#shared/pdf/wrap'
import type { InvoiceDocument } from '#dues/documents/invoice_document'
import { LABELS } from '#dues/documents/invoice_pdf_labels'

/**
 * The invoice's head: the logo and the seller's letterhead, the title, then
 * the buyer on the left and the number and dates on the right, read in that
 * order. Returns the y below it.
 */
export function drawHeader(
  doc: PDFKit.PDFDocument,
  document: InvoiceDocument,
  logo: Buffer | null
) {
  let logoBottom = MARGIN.top
  if (logo) {
    try {
      // The letterhead names the seller in text, so the logo is decoration to a reader.
      artifact(doc, () => doc.image(logo, MARGIN.left, MARGIN.top, { fit: [170, 60] }))
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
  doc.font(FONT.bold).fontSize(SIZE.title)
  content(doc, 'H1', () => doc.text(LABELS.title[document.kind], MARGIN.left, y))
  y = doc.y + 2
  if (document.kind === 'credit_note' && document.creditedInvoice) {
    const credited = document.creditedInvoice
    doc.font(FONT.regular).fontSize(SIZE.body)
    const text = LABELS.credits(credited.number, day(credited.issueDate))
    content(doc, 'P', () => doc.text(text, MARGIN.left, y))
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
  doc.font(FONT.bold).fontSize(SIZE.body)
  const fit = (text: string) => breakLongWords(doc, text, width)
  content(doc, 'P', () => {
    doc.text(fit(buyer.name), MARGIN.left, top, { width })
    doc.font(FONT.regular)
    for (const line of addressLines(buyer)) doc.text(fit(line), { width })
  })

  const identifiers: [string, string | null][] = [
    [LABELS.cvr, buyer.cvr],
    [LABELS.ean, buyer.ean],
    [LABELS.reference, buyer.reference],
  ]
  const shown = identifiers.filter((pair): pair is [string, string] => !!pair[1])
  if (shown.length) {
    doc.moveDown(0.4)
    content(doc, 'P', () => {
      for (const [label, value] of shown) doc.text(fit(`${label} ${value}`), { width })
    })
  }
  return doc.y
}

/** The number and dates, a label on the left of the block and its value on the right. */
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
  group(doc, 'Table', () => {
    for (const [label, value] of rows) {
      group(doc, 'TR', () => {
        doc.font(FONT.regular).fillColor(COLOR.muted)
        const options = { width: RIGHT_BLOCK_WIDTH, lineBreak: false }
        content(doc, 'TH', () => doc.text(label, RIGHT_BLOCK_X, y, options), { scope: 'Row' })
        doc.font(FONT.bold).fillColor(COLOR.text)
        content(doc, 'TD', () =>
          doc.text(value, RIGHT_BLOCK_X, y, { width: RIGHT_BLOCK_WIDTH, align: 'right' })
        )
      })
      y = doc.y + 2
    }
  })
  doc.font(FONT.regular)
  return y
}
