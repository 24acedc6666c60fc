import PDFDocument from 'pdfkit'
import { FONT, loadFonts, registerFonts } from '#shared/pdf/fonts'
import {
  artifact,
  content,
  dropPagesWithoutBody,
  pageHasBody,
  startStructure,
} from '#shared/pdf/tags'
import { writeXmpInfo } from '#shared/pdf/archive'

/**
 * The frame every Kreds PDF shares: A4 with the same margins, colours and type
 * sizes, a letterhead, and a footer naming the document with "Side N af M".
 */

export const A4 = { width: 595.28, height: 841.89 }
export const MARGIN = { top: 50, left: 50, right: 50, bottom: 70 }
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right
export const COLOR = {
  text: '#1a1a1a',
  muted: '#5f5f5f',
  rule: '#b5b5b5',
  headerFill: '#eeeeee',
  accent: '#9b2226',
  link: '#1f4e8c',
}
export const SIZE = { body: 10, small: 8.5, letterhead: 11, heading: 12.5, title: 22 }

/** Where the letterhead's right-aligned block sits. */
export const RIGHT_BLOCK_WIDTH = 210
export const RIGHT_BLOCK_X = A4.width - MARGIN.right - RIGHT_BLOCK_WIDTH

export const FRAME_LABELS = {
  page: (page: number, count: number) => `Side ${page} af ${count}`,
}

export type PdfInfo = {
  /** Shown in the viewer's title bar instead of the file name. */
  title: string
  author: string
  /**
   * Taken from the document (an issue date, a sent-at), never from the clock,
   * so the same document renders to the same bytes.
   */
  createdAt: Date
  /** The document's language; Danish unless the recipient reads another. */
  lang?: string
  /**
   * Kept for years (an issued invoice, signed minutes): PDF/A-3a, which a
   * future reader can still render exactly, and which allows the attached
   * signed text of the minutes.
   */
  archive?: boolean
}

/**
 * A new tagged A4 document with the fonts registered, the regular font and text
 * colour selected, its structure tree opened and its pages buffered, so
 * drawPageFooters can number them.
 */
export async function openPdf(info: PdfInfo): Promise<PDFKit.PDFDocument> {
  const fonts = await loadFonts()
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    // No default font: PDFKit's is Helvetica, which no PDF/A may use unembedded.
    font: null as unknown as string,
    tagged: true,
    lang: info.lang ?? 'da',
    displayTitle: true,
    pdfVersion: '1.7',
    ...(info.archive ? { subset: 'PDF/A-3a' as const } : {}),
    info: {
      Title: info.title,
      Author: info.author,
      Creator: 'Kreds',
      Producer: 'Kreds (PDFKit)',
      CreationDate: info.createdAt,
    },
  })
  writeXmpInfo(doc)
  registerFonts(doc, fonts)
  doc.font(FONT.regular).fillColor(COLOR.text)
  startStructure(doc)
  return doc
}

/** Starts a new page when `height` no longer fits above the footer. */
export function ensureSpace(doc: PDFKit.PDFDocument, y: number, height: number) {
  if (y + height <= doc.page.maxY()) return y
  // A page with nothing on it yet stays the page: a second break would leave it blank.
  if (!pageHasBody(doc)) return y
  doc.addPage()
  return MARGIN.top
}

export function rule(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  width: number,
  color = COLOR.rule
) {
  artifact(doc, () =>
    doc
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(0.5)
      .strokeColor(color)
      .stroke()
  )
}

/**
 * The sender's name in bold with its address lines beneath, right-aligned at
 * the top of the first page. Returns the y below it.
 */
export function drawLetterhead(doc: PDFKit.PDFDocument, name: string, lines: string[]) {
  content(doc, 'P', () => {
    doc.font(FONT.bold).fontSize(SIZE.letterhead)
    doc.text(name, RIGHT_BLOCK_X, MARGIN.top, { width: RIGHT_BLOCK_WIDTH, align: 'right' })
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted)
    for (const line of lines) {
      doc.text(line, RIGHT_BLOCK_X, doc.y, { width: RIGHT_BLOCK_WIDTH, align: 'right' })
    }
  })
  doc.fillColor(COLOR.text)
  return doc.y
}

export type FooterOptions = {
  /** "Side 3 af 4" unless given, e.g. for an English variant. */
  pageLabel?: (page: number, count: number) => string
}

/**
 * Writes the footer on every page, once the page count is known, so call it
 * last. The parts name the document, so a loose second page still says where
 * it belongs; they are joined by " · ", empty ones left out, and the page
 * label comes last.
 */
export function drawPageFooters(
  doc: PDFKit.PDFDocument,
  parts: (string | null | undefined | false)[],
  options: FooterOptions = {}
) {
  const pageLabel = options.pageLabel ?? FRAME_LABELS.page
  dropPagesWithoutBody(doc)
  const range = doc.bufferedPageRange()
  for (let index = 0; index < range.count; index++) {
    doc.switchToPage(range.start + index)
    // A link is reached by Tab in the order of the structure tree, which is the reading order.
    Object.assign(doc.page.dictionary.data, { Tabs: 'S' })
    // The footer sits in the bottom margin, which PDFKit would otherwise treat as overflow.
    const bottomMargin = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const y = A4.height - 45
    rule(doc, MARGIN.left, y - 6, CONTENT_WIDTH)
    const text = [...parts, pageLabel(index + 1, range.count)].filter(Boolean).join(' · ')
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted)
    // Repeated on every page, so a screen reader skips it like a running footer.
    artifact(
      doc,
      () =>
        doc.text(text, MARGIN.left, y, { width: CONTENT_WIDTH, align: 'center', lineBreak: false }),
      'Pagination'
    )
    doc.page.margins.bottom = bottomMargin
  }
  doc.fillColor(COLOR.text)
}
