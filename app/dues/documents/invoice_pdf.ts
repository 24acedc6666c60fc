import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { buffer } from 'node:stream/consumers'
import { DateTime } from 'luxon'
import PDFDocument from 'pdfkit'
import { formatDate, formatKroner } from '#shared/formatting'
import type { InvoiceDocument, InvoiceLine, InvoiceParty } from '#dues/documents/invoice_document'

/**
 * The invoice and credit-note PDF: A4, Danish, carrying what bogføringsloven
 * and momsloven ask an invoice to show (see docs/domain.md, Invoices).
 */

type Kind = InvoiceDocument['kind']

/** Every word the document prints, in one place so an English variant can sit beside it. */
const LABELS = {
  title: { invoice: 'Faktura', credit_note: 'Kreditnota' } satisfies Record<Kind, string>,
  number: { invoice: 'Fakturanr.', credit_note: 'Kreditnotanr.' } satisfies Record<Kind, string>,
  issueDate: { invoice: 'Fakturadato', credit_note: 'Kreditnotadato' } satisfies Record<
    Kind,
    string
  >,
  dueDate: 'Forfaldsdato',
  credits: (number: string, date: string) => `Krediterer faktura ${number} af ${date}`,
  cvr: 'CVR-nr.',
  ean: 'EAN-nr.',
  reference: 'Reference:',
  phone: 'Tlf.',
  columns: { description: 'Beskrivelse', quantity: 'Antal', unit: 'Pris', amount: 'Beløb' },
  period: (start: string, end: string) => `Periode: ${start} – ${end}`,
  subtotal: 'Subtotal',
  vat: (ratePercent: string) => `Moms ${ratePercent} %`,
  vatExempt: 'Moms',
  total: 'I alt',
  payment: 'Betaling',
  payBy: (date: string) => `Betales senest ${date}`,
  toAccount: (regNo: string, accountNo: string) => ` til reg.nr. ${regNo} konto ${accountNo}`,
  payReference: (reference: string) => `Angiv ved betaling: ${reference}`,
  page: (page: number, count: number) => `Side ${page} af ${count}`,
  filename: { invoice: 'faktura', credit_note: 'kreditnota' } satisfies Record<Kind, string>,
}

const resolveFile = createRequire(import.meta.url).resolve

/**
 * Noto Sans covers Latin Extended, Greek and Cyrillic, so "Łódź" prints as
 * written; the PDF standard Helvetica stops at WinAnsi. Resolved through
 * node_modules, so the package must stay a runtime dependency for the built app.
 */
const FONT_FILES = {
  regular: resolveFile('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: resolveFile('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
}

// Read once: a dues run renders hundreds of invoices.
let fontData: Promise<{ regular: Buffer; bold: Buffer }> | undefined
function loadFonts() {
  fontData ??= Promise.all([readFile(FONT_FILES.regular), readFile(FONT_FILES.bold)]).then(
    ([regular, bold]) => ({ regular, bold })
  )
  return fontData
}

const A4 = { width: 595.28, height: 841.89 }
const MARGIN = { top: 50, left: 50, right: 50, bottom: 70 }
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right
const RIGHT_BLOCK_WIDTH = 210
const RIGHT_BLOCK_X = A4.width - MARGIN.right - RIGHT_BLOCK_WIDTH
const COLOR = { text: '#1a1a1a', muted: '#5f5f5f', rule: '#b5b5b5', headerFill: '#eeeeee' }
const SIZE = { body: 10, small: 8.5, seller: 11, title: 22 }
const CELL_PADDING = 4

const COLUMNS = (() => {
  const quantity = 45
  const unit = 95
  const amount = 105
  const description = CONTENT_WIDTH - quantity - unit - amount
  const x = MARGIN.left
  return {
    description: { x, width: description },
    quantity: { x: x + description, width: quantity },
    unit: { x: x + description + quantity, width: unit },
    amount: { x: x + description + quantity + unit, width: amount },
  }
})()

const quantityFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 })
const ratePercentFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 })

/** An ISO date is a Danish calendar day; reading it in Danish time keeps it that day anywhere. */
function danishDay(isoDate: string) {
  return DateTime.fromISO(isoDate, { zone: 'Europe/Copenhagen' })
}

function day(isoDate: string) {
  return formatDate(danishDay(isoDate))
}

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
  const [fonts, logo] = await Promise.all([loadFonts(), readLogo(options.logoPath)])
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'da-DK',
    displayTitle: true,
    info: {
      Title: `${LABELS.title[document.kind]} ${document.number}`,
      Author: document.seller.name,
      Creator: 'Kreds',
      // The issue date rather than the clock, so the same invoice renders to the same bytes.
      CreationDate: danishDay(document.issueDate).toJSDate(),
    },
  })
  doc.registerFont('regular', fonts.regular)
  doc.registerFont('bold', fonts.bold)
  doc.font('regular').fillColor(COLOR.text)

  let y = drawHeader(doc, document, logo)
  y = drawLines(doc, document, y)
  y = drawTotals(doc, document, y)
  y = drawPayment(doc, document, y)
  drawNote(doc, document, y)
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

/**
 * A credit note shows its amounts as positive numbers under the title
 * "Kreditnota", as a Danish reader (and OIOUBL's CreditNote) expects; the
 * title says they go the other way. Flip them if the document holds them negative.
 */
function amountFormatter(document: InvoiceDocument) {
  const flip = document.kind === 'credit_note' && document.totalOre < 0
  return (ore: number) => formatKroner(flip ? -ore || 0 : ore)
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
  doc.font('bold').fontSize(SIZE.seller)
  doc.text(seller.name, RIGHT_BLOCK_X, MARGIN.top, { width: RIGHT_BLOCK_WIDTH, align: 'right' })
  doc.font('regular').fontSize(SIZE.small).fillColor(COLOR.muted)
  const sellerLines = [
    ...addressLines(seller),
    seller.cvr && `${LABELS.cvr} ${seller.cvr}`,
    seller.email,
    seller.phone && `${LABELS.phone} ${seller.phone}`,
  ].filter((line): line is string => !!line)
  for (const line of sellerLines) {
    doc.text(line, RIGHT_BLOCK_X, doc.y, { width: RIGHT_BLOCK_WIDTH, align: 'right' })
  }
  doc.fillColor(COLOR.text)

  let y = Math.max(doc.y, logoBottom) + 28
  doc.font('bold').fontSize(SIZE.title).text(LABELS.title[document.kind], MARGIN.left, y)
  y = doc.y + 2
  if (document.kind === 'credit_note' && document.creditedInvoice) {
    const credited = document.creditedInvoice
    doc.font('regular').fontSize(SIZE.body)
    doc.text(LABELS.credits(credited.number, day(credited.issueDate)), MARGIN.left, y)
    y = doc.y
  }
  y += 14

  const buyerBottom = drawBuyer(doc, document, y)
  const metaBottom = drawMeta(doc, document, y)
  return Math.max(buyerBottom, metaBottom) + 24
}

function addressLines(party: InvoiceParty) {
  const town = [party.postcode, party.city].filter(Boolean).join(' ')
  return [
    ...(party.address?.split('\n') ?? []),
    town,
    // Only a foreign address needs its country spelled out.
    party.country !== 'DK' ? party.country : null,
  ].filter((line): line is string => !!line)
}

function drawBuyer(doc: PDFKit.PDFDocument, document: InvoiceDocument, top: number) {
  const buyer = document.buyer
  const width = CONTENT_WIDTH - RIGHT_BLOCK_WIDTH - 30
  doc.font('bold').fontSize(SIZE.body).text(buyer.name, MARGIN.left, top, { width })
  doc.font('regular')
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
    doc.font('regular').fillColor(COLOR.muted)
    doc.text(label, RIGHT_BLOCK_X, y, { width: RIGHT_BLOCK_WIDTH, lineBreak: false })
    doc.font('bold').fillColor(COLOR.text)
    doc.text(value, RIGHT_BLOCK_X, y, { width: RIGHT_BLOCK_WIDTH, align: 'right' })
    y = doc.y + 2
  }
  doc.font('regular')
  return y
}

/** Starts a new page when `height` no longer fits above the footer. */
function ensureSpace(doc: PDFKit.PDFDocument, y: number, height: number) {
  if (y + height <= doc.page.maxY()) return y
  doc.addPage()
  return MARGIN.top
}

function drawTableHeader(doc: PDFKit.PDFDocument, top: number) {
  doc.font('bold').fontSize(SIZE.small)
  const height = doc.currentLineHeight() + 2 * CELL_PADDING
  doc.rect(MARGIN.left, top, CONTENT_WIDTH, height).fill(COLOR.headerFill).fillColor(COLOR.text)
  const labels = LABELS.columns
  cell(doc, labels.description, COLUMNS.description, top, 'left')
  cell(doc, labels.quantity, COLUMNS.quantity, top, 'right')
  cell(doc, labels.unit, COLUMNS.unit, top, 'right')
  cell(doc, labels.amount, COLUMNS.amount, top, 'right')
  doc.font('regular')
  return top + height
}

function cell(
  doc: PDFKit.PDFDocument,
  text: string,
  column: { x: number; width: number },
  top: number,
  align: 'left' | 'right'
) {
  doc.text(text, column.x + CELL_PADDING, top + CELL_PADDING, {
    width: column.width - 2 * CELL_PADDING,
    align,
  })
}

function periodText(line: InvoiceLine) {
  return line.period ? LABELS.period(day(line.period.start), day(line.period.end)) : null
}

function rowHeight(doc: PDFKit.PDFDocument, line: InvoiceLine) {
  const width = COLUMNS.description.width - 2 * CELL_PADDING
  doc.fontSize(SIZE.body)
  let height = doc.heightOfString(line.description, { width })
  const period = periodText(line)
  if (period) height += 1 + doc.fontSize(SIZE.small).heightOfString(period, { width })
  return height + 2 * CELL_PADDING
}

/** The lines flow over as many pages as they need, each page repeating the column headings. */
function drawLines(doc: PDFKit.PDFDocument, document: InvoiceDocument, top: number) {
  const amount = amountFormatter(document)
  let y = drawTableHeader(doc, ensureSpace(doc, top, 60))
  for (const line of document.lines) {
    const height = rowHeight(doc, line)
    if (y + height > doc.page.maxY()) {
      doc.addPage()
      y = drawTableHeader(doc, MARGIN.top)
    }
    doc.fontSize(SIZE.body).fillColor(COLOR.text)
    cell(doc, line.description, COLUMNS.description, y, 'left')
    const period = periodText(line)
    if (period) {
      doc.fontSize(SIZE.small).fillColor(COLOR.muted)
      doc.text(period, COLUMNS.description.x + CELL_PADDING, doc.y + 1, {
        width: COLUMNS.description.width - 2 * CELL_PADDING,
      })
      doc.fontSize(SIZE.body).fillColor(COLOR.text)
    }
    cell(doc, quantityFormat.format(line.quantity), COLUMNS.quantity, y, 'right')
    cell(doc, amount(line.unitOre), COLUMNS.unit, y, 'right')
    cell(doc, amount(line.amountOre), COLUMNS.amount, y, 'right')
    y += height
    rule(doc, MARGIN.left, y, CONTENT_WIDTH)
  }
  return y + 10
}

function rule(doc: PDFKit.PDFDocument, x: number, y: number, width: number, color = COLOR.rule) {
  doc
    .moveTo(x, y)
    .lineTo(x + width, y)
    .lineWidth(0.5)
    .strokeColor(color)
    .stroke()
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
  doc.font('bold')
  totalRow(doc, LABELS.total, amount(document.totalOre), y)
  doc.font('regular')
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

function drawPayment(doc: PDFKit.PDFDocument, document: InvoiceDocument, top: number) {
  if (document.kind !== 'invoice' || !document.dueDate) return top
  const seller = document.seller
  let instruction = LABELS.payBy(day(document.dueDate))
  if (seller.bankRegNo && seller.bankAccountNo) {
    instruction += LABELS.toAccount(seller.bankRegNo, seller.bankAccountNo)
  }
  const lines = [`${instruction}.`, LABELS.payReference(seller.paymentReference)]

  doc.fontSize(SIZE.body)
  const height = doc.currentLineHeight(true) * (lines.length + 2)
  const y = ensureSpace(doc, top, height)
  doc.font('bold').text(LABELS.payment, MARGIN.left, y, { width: CONTENT_WIDTH })
  doc.font('regular')
  for (const line of lines) doc.text(line, { width: CONTENT_WIDTH })
  return doc.y + 16
}

function drawNote(doc: PDFKit.PDFDocument, document: InvoiceDocument, top: number) {
  if (!document.note) return
  doc.fontSize(SIZE.body)
  const height = doc.heightOfString(document.note, { width: CONTENT_WIDTH })
  // A long note may run onto the next page by itself; a short one is kept whole.
  const y = ensureSpace(doc, top, Math.min(height, 120))
  doc.text(document.note, MARGIN.left, y, { width: CONTENT_WIDTH })
}

/** Written last, when the page count is known. */
function drawFooters(doc: PDFKit.PDFDocument, document: InvoiceDocument) {
  const seller = document.seller
  const range = doc.bufferedPageRange()
  for (let index = 0; index < range.count; index++) {
    doc.switchToPage(range.start + index)
    // The footer sits in the bottom margin, which PDFKit would otherwise treat as overflow.
    const bottomMargin = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const y = A4.height - 45
    rule(doc, MARGIN.left, y - 6, CONTENT_WIDTH)
    // Names the document too, so a loose second page still says where it belongs.
    const parts = [
      seller.name,
      seller.cvr && `${LABELS.cvr} ${seller.cvr}`,
      `${LABELS.title[document.kind]} ${document.number}`,
      LABELS.page(index + 1, range.count),
    ].filter(Boolean)
    doc.font('regular').fontSize(SIZE.small).fillColor(COLOR.muted)
    doc.text(parts.join(' · '), MARGIN.left, y, {
      width: CONTENT_WIDTH,
      align: 'center',
      lineBreak: false,
    })
    doc.page.margins.bottom = bottomMargin
  }
  doc.fillColor(COLOR.text)
}
