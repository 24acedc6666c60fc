import { DateTime } from 'luxon'
import { formatDate, formatDateTime } from '#shared/formatting'
import { FONT } from '#shared/pdf/fonts'
import { COLOR, CONTENT_WIDTH, MARGIN, SIZE, ensureSpace } from '#shared/pdf/page_frame'
import { content, group } from '#shared/pdf/tags'
import { breakLongWords } from '#shared/pdf/wrap'
import { DANISH_ZONE } from '#shared/danish_time'

/**
 * Text for the PDFs: Danish dates and times, address lines, and headings and
 * paragraphs that flow over pages, tagged as what they are.
 */

/** A heading's level in the structure tree: 1 is the document's title. */
export type HeadingLevel = 1 | 2 | 3 | 4

/** An ISO date is a Danish calendar day; reading it in Danish time keeps it that day anywhere. */
export function danishDay(isoDate: string) {
  return DateTime.fromISO(isoDate, { zone: DANISH_ZONE })
}

/** "15. januar 2021" for an ISO date. */
export function formatDay(isoDate: string) {
  return formatDate(danishDay(isoDate))
}

const weekdayFormat = new Intl.DateTimeFormat('da-DK', {
  weekday: 'long',
  timeZone: DANISH_ZONE,
})
const clockFormat = new Intl.DateTimeFormat('da-DK', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: DANISH_ZONE,
})

function instant(isoDateTime: string) {
  const date = DateTime.fromISO(isoDateTime, { setZone: true })
  return date.isValid ? date.toJSDate() : null
}

/** "fredag 15. januar 2021 kl. 19.00" in Danish time; empty for an invalid value. */
export function formatWeekdayDateTime(isoDateTime: string) {
  const date = instant(isoDateTime)
  return date ? `${weekdayFormat.format(date)} ${formatDateTime(date)}` : ''
}

/** "fredag 15. januar 2021" for an ISO date, a Danish calendar day. */
export function formatWeekdayDay(isoDate: string) {
  const day = danishDay(isoDate)
  return day.isValid ? `${weekdayFormat.format(day.toJSDate())} ${formatDate(day)}` : ''
}

/** "kl. 19.00" in Danish time. */
export function formatClock(isoDateTime: string) {
  const date = instant(isoDateTime)
  return date ? `kl. ${clockFormat.format(date)}` : ''
}

/** Whether two instants fall on the same Danish calendar day. */
export function sameDanishDay(first: string, second: string) {
  return formatDate(first) === formatDate(second)
}

/** The lines of a postal address: street lines, postcode and town, a foreign country. */
export function addressLines(party: {
  address: string | null
  postcode: string | null
  city: string | null
  country?: string | null
}) {
  const town = [party.postcode, party.city].filter(Boolean).join(' ')
  return [
    ...(party.address?.split('\n') ?? []),
    town,
    // Only a foreign address needs its country spelled out.
    party.country && party.country !== 'DK' ? party.country : null,
  ].filter((line): line is string => !!line)
}

/** Paragraphs of typed text: split at blank lines, single line breaks kept within. */
export function paragraphs(text: string | null | undefined) {
  return (text ?? '')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
}

export type Block = { x?: number; width?: number }

function frame(block: Block) {
  const x = block.x ?? MARGIN.left
  return { x, width: block.width ?? MARGIN.left + CONTENT_WIDTH - x }
}

/**
 * A heading at doc.y, moved to the next page when it would otherwise be left
 * alone at the bottom: `keepWith` is the room the text after it needs.
 */
export function drawHeading(
  doc: PDFKit.PDFDocument,
  text: string,
  options: Block & {
    size?: number
    keepWith?: number
    spaceBefore?: number
    /** A section's heading (2) unless given. */
    level?: HeadingLevel
  } = {}
) {
  const { x, width } = frame(options)
  const size = options.size ?? SIZE.heading
  doc.font(FONT.bold).fontSize(size)
  const fitted = breakLongWords(doc, text, width)
  const height = doc.heightOfString(fitted, { width })
  let y = doc.y + (options.spaceBefore ?? 0)
  y = ensureSpace(doc, y, height + (options.keepWith ?? 3 * 14))
  content(doc, `H${options.level ?? 2}`, () =>
    doc.fillColor(COLOR.text).text(fitted, x, y, { width })
  )
  doc.font(FONT.regular).fontSize(SIZE.body)
  return doc.y
}

/**
 * Typed text as paragraphs at doc.y, flowing onto new pages as PDFKit fills
 * them. Returns the y below it.
 */
export function drawParagraphs(
  doc: PDFKit.PDFDocument,
  text: string | null | undefined,
  options: Block & { size?: number; color?: string; gap?: number } = {}
) {
  const { x, width } = frame(options)
  doc
    .font(FONT.regular)
    .fontSize(options.size ?? SIZE.body)
    .fillColor(options.color ?? COLOR.text)
  const gap = options.gap ?? 5
  paragraphs(text).forEach((paragraph, index) => {
    // Two lines at least together, so a paragraph does not start on a page's last line.
    const y = ensureSpace(doc, doc.y + (index ? gap : 0), 2 * doc.currentLineHeight(true))
    content(doc, 'P', () => doc.text(breakLongWords(doc, paragraph, width), x, y, { width }))
  })
  doc.fillColor(COLOR.text).fontSize(SIZE.body)
  return doc.y
}

/** A label and its value; an empty value leaves the pair out. `link` makes the value clickable. */
export type Fact = { label: string; value: string | null | undefined; link?: string | null }

/**
 * Label–value pairs in two columns ("Tidspunkt  fredag 15. januar 2021 kl. 19.00"),
 * from doc.y, tagged as a list of labelled items. Returns the y below them.
 */
export function drawFacts(
  doc: PDFKit.PDFDocument,
  facts: Fact[],
  options: Block & { labelWidth?: number; gap?: number } = {}
) {
  const { x, width } = frame(options)
  const labelWidth = options.labelWidth ?? 110
  const valueWidth = width - labelWidth
  const gap = options.gap ?? 3
  let y = doc.y
  const shown = facts.filter((fact): fact is Fact & { value: string } => !!fact.value)
  if (shown.length === 0) return y
  group(doc, 'L', () => {
    for (const { label, value, link } of shown) {
      doc.fontSize(SIZE.body).font(FONT.regular)
      const fittedValue = breakLongWords(doc, value, valueWidth)
      const height = doc.heightOfString(fittedValue, { width: valueWidth })
      y = ensureSpace(doc, y, height)
      const top = y
      group(doc, 'LI', () => {
        doc.font(FONT.bold).fillColor(COLOR.muted)
        content(doc, 'Lbl', () => doc.text(label, x, top, { width: labelWidth - 8 }))
        const labelBottom = doc.y
        doc.font(FONT.regular).fillColor(link ? COLOR.link : COLOR.text)
        const drawValue = () =>
          doc.text(fittedValue, x + labelWidth, top, {
            width: valueWidth,
            ...(link ? { link } : {}),
          })
        // A link's annotation belongs to a Link element, so a reader announces it as a link.
        group(doc, 'LBody', () => content(doc, link ? 'Link' : 'Span', drawValue))
        doc.fillColor(COLOR.text)
        y = Math.max(doc.y, labelBottom) + gap
      })
    }
  })
  doc.y = y
  return y
}
