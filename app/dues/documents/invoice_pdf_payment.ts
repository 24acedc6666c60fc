import { formatKroner } from '#shared/formatting'
import { FONT } from '#shared/pdf/fonts'
import { COLOR, CONTENT_WIDTH, MARGIN, SIZE, ensureSpace, rule } from '#shared/pdf/page_frame'
import { content } from '#shared/pdf/tags'
import { formatDay as day } from '#shared/pdf/text'
import type { InvoiceDocument } from '#dues/documents/invoice_document'
import { LABELS } from '#dues/documents/invoice_pdf_labels'
import { fikCodeLine } from '#dues/rules/fik_payment_id'

/**
 * How to pay: the due date and the bank account in words, and, when the
 * invoice has an FI-kort payment ID, the +71 code line at the foot of the last
 * page, where Danish invoices print their indbetalingskort.
 */

/**
 * The embedded bold font, with its tabular figures: PDF/A allows no font
 * that is not embedded, which rules out PDFKit's built-in Courier.
 */
const CODE_LINE_FONT = FONT.bold
const CODE_LINE_SIZE = 13
const SLIP_HEIGHT = 64

export function drawPayment(doc: PDFKit.PDFDocument, document: InvoiceDocument, top: number) {
  if (document.kind !== 'invoice' || !document.dueDate) return top
  const seller = document.seller
  const hasAccount = !!(seller.bankRegNo && seller.bankAccountNo)
  let lines: string[]
  if (document.fik) {
    lines = [`${LABELS.payBy(day(document.dueDate))} ${LABELS.payByFik}.`]
    if (hasAccount) {
      lines.push(
        LABELS.orToAccount(seller.bankRegNo!, seller.bankAccountNo!, seller.paymentReference)
      )
    }
  } else {
    let instruction = LABELS.payBy(day(document.dueDate))
    if (hasAccount) instruction += LABELS.toAccount(seller.bankRegNo!, seller.bankAccountNo!)
    lines = [`${instruction}.`, LABELS.payReference(seller.paymentReference)]
  }

  doc.fontSize(SIZE.body)
  const height = doc.currentLineHeight(true) * (lines.length + 2)
  const y = ensureSpace(doc, top, height)
  doc.font(FONT.bold)
  content(doc, 'H2', () => doc.text(LABELS.payment, MARGIN.left, y, { width: CONTENT_WIDTH }))
  doc.font(FONT.regular)
  for (const line of lines) content(doc, 'P', () => doc.text(line, { width: CONTENT_WIDTH }))
  return doc.y + 16
}

/**
 * The slip sits at the bottom of the page the invoice ends on, below a cut
 * line, or on a page of its own when the invoice leaves no room for it.
 */
export function drawFikSlip(doc: PDFKit.PDFDocument, document: InvoiceDocument, top: number) {
  if (document.kind !== 'invoice' || !document.fik) return
  const codeLine = fikCodeLine(document.fik.paymentId, document.fik.creditorNo)
  const slipTop = doc.page.maxY() - SLIP_HEIGHT
  if (top > slipTop - 12) doc.addPage()

  doc.save()
  doc.dash(4, { space: 3 })
  rule(doc, MARGIN.left, slipTop, CONTENT_WIDTH, COLOR.muted)
  doc.undash()
  doc.restore()

  doc.font(FONT.bold).fontSize(SIZE.small).fillColor(COLOR.text)
  content(doc, 'H2', () =>
    doc.text(LABELS.fikSlip, MARGIN.left, slipTop + 8, { width: CONTENT_WIDTH })
  )
  doc.font(FONT.regular).fillColor(COLOR.muted)
  const explained = LABELS.fikExplained(formatKroner(document.totalOre))
  content(doc, 'P', () => doc.text(explained, MARGIN.left, doc.y, { width: CONTENT_WIDTH }))
  doc.fillColor(COLOR.text).font(CODE_LINE_FONT).fontSize(CODE_LINE_SIZE)
  content(doc, 'P', () =>
    doc.text(codeLine, MARGIN.left, doc.y + 6, {
      width: CONTENT_WIDTH,
      lineBreak: false,
      features: ['tnum'],
    })
  )
  doc.font(FONT.regular).fontSize(SIZE.body)
}
