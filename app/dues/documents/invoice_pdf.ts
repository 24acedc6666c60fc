import { readFile } from 'node:fs/promises'
import { buffer } from 'node:stream/consumers'
import { drawPageFooters, openPdf } from '#shared/pdf/page_frame'
import { danishDay } from '#shared/pdf/text'
import type { InvoiceDocument } from '#dues/documents/invoice_document'
import { LABELS } from '#dues/documents/invoice_pdf_labels'
import { drawHeader } from '#dues/documents/invoice_pdf_header'
import { drawLines, drawNote, drawTotals } from '#dues/documents/invoice_pdf_body'
import { drawFikSlip, drawPayment } from '#dues/documents/invoice_pdf_payment'

/**
 * The invoice and credit-note PDF: A4, Danish, carrying what bogføringsloven
 * and momsloven ask an invoice to show (see docs/domain.md, Invoices). Tagged
 * for screen readers and PDF/A-3a, as an issued invoice is kept for years.
 */

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
      archive: true,
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

/** Written last, when the page count is known. */
function drawFooters(doc: PDFKit.PDFDocument, document: InvoiceDocument) {
  const seller = document.seller
  drawPageFooters(doc, [
    seller.name,
    seller.cvr && `${LABELS.cvr} ${seller.cvr}`,
    `${LABELS.title[document.kind]} ${document.number}`,
  ])
}
