import { buffer } from 'node:stream/consumers'
import { DateTime } from 'luxon'
import { formatDate } from '#shared/formatting'
import { FONT } from '#shared/pdf/fonts'
import {
  COLOR,
  CONTENT_WIDTH,
  MARGIN,
  SIZE,
  drawLetterhead,
  drawPageFooters,
  ensureSpace,
  openPdf,
} from '#shared/pdf/page_frame'
import { artifact, content, group } from '#shared/pdf/tags'
import { breakLongWords } from '#shared/pdf/wrap'
import {
  addressLines,
  drawFacts,
  drawHeading,
  drawParagraphs,
  formatWeekdayDateTime,
  formatWeekdayDay,
  type Fact,
} from '#shared/pdf/text'
import type {
  AssemblyBlock,
  AssociationBlock,
  MotionBlock,
  NoticeDocument,
} from '#assemblies/documents/assembly_documents'

/**
 * The notice (indkaldelse) of a general assembly: when and where, the deadline
 * for motions and the agenda with the motions received. A4, Danish.
 *
 * Also the parts the voting register and the minutes share with it: the
 * association's letterhead, the title block and the motions.
 */

type Kind = AssemblyBlock['kind']

/** Every word the assembly documents print, in one place so an English variant can sit beside it. */
export const ASSEMBLY_LABELS = {
  kind: { ordinary: 'ordinær', extraordinary: 'ekstraordinær' } satisfies Record<Kind, string>,
  cvr: 'CVR-nr.',
  when: 'Tidspunkt',
  place: 'Sted',
  online: 'Online',
  submittedBy: (who: string) => `Stillet af ${who}`,
  changesStatutes: 'Ændrer vedtægterne – kræver kvalificeret flertal',
}

const LABELS = {
  document: 'Indkaldelse',
  title: (kind: Kind) => `Indkaldelse til ${ASSEMBLY_LABELS.kind[kind]} generalforsamling`,
  intro: (association: string, kind: Kind) =>
    `Medlemmerne af ${association} indkaldes hermed til ${ASSEMBLY_LABELS.kind[kind]} generalforsamling.`,
  requestedBy: (who: string) => `Generalforsamlingen indkaldes efter anmodning fra ${who}.`,
  deadline: (date: string) => `Forslag skal være bestyrelsen i hænde senest ${date}.`,
  sent: 'Udsendt',
  agenda: 'Dagsorden',
}

/** The finished notice as a PDF. */
export async function renderNoticePdf(document: NoticeDocument): Promise<Buffer> {
  const { association, assembly } = document
  const doc = await openPdf({
    title: `${LABELS.title(assembly.kind)} – ${assembly.title}`,
    author: association.name,
    // The sending time rather than the clock, so the same notice renders to the same bytes.
    createdAt: instant(document.sentAt),
  })

  drawTitleBlock(doc, association, LABELS.title(assembly.kind), assembly.title)
  drawParagraphs(doc, LABELS.intro(association.name, assembly.kind))
  doc.moveDown(0.8)
  drawFacts(doc, [
    ...whenAndWhere(assembly),
    { label: LABELS.sent, value: formatDate(document.sentAt) },
  ])

  const notes = [
    assembly.kind === 'extraordinary' && assembly.requestedBy
      ? LABELS.requestedBy(assembly.requestedBy)
      : null,
    assembly.motionDeadline ? LABELS.deadline(formatWeekdayDay(assembly.motionDeadline)) : null,
  ].filter((note): note is string => !!note)
  if (notes.length) {
    doc.moveDown(0.6)
    drawParagraphs(doc, notes.join('\n\n'))
  }

  doc.moveDown(1.2)
  drawHeading(doc, LABELS.agenda, { size: 15 })
  for (const item of document.agenda) {
    doc.moveDown(0.7)
    const followed = !!item.description || item.motions.length > 0
    group(doc, 'Sect', () => {
      drawNumberedHeading(doc, item.position, item.title, followed ? undefined : 0)
      if (item.description) {
        drawParagraphs(doc, item.description, { x: MARGIN.left + NUMBER_WIDTH })
      }
      for (const motion of item.motions) {
        doc.moveDown(0.6)
        drawMotion(doc, motion, MARGIN.left + NUMBER_WIDTH)
      }
    })
  }

  drawPageFooters(doc, [LABELS.document, assembly.title])
  doc.end()
  return buffer(doc)
}

/** An ISO date-time as a Date; an invalid one falls back to the epoch, never to the clock. */
export function instant(isoDateTime: string | null | undefined) {
  const date = isoDateTime ? DateTime.fromISO(isoDateTime, { setZone: true }) : null
  return date?.isValid ? date.toJSDate() : new Date(0)
}

/** The association's address, CVR-nr. and e-mail under its name. */
export function associationLines(association: AssociationBlock) {
  return [
    ...addressLines(association),
    association.cvr && `${ASSEMBLY_LABELS.cvr} ${association.cvr}`,
    association.email,
  ].filter((line): line is string => !!line)
}

/**
 * The first page's head: the association's letterhead, the document's title
 * and, when it says more, the assembly's own title beneath. Leaves doc.y below.
 */
export function drawTitleBlock(
  doc: PDFKit.PDFDocument,
  association: AssociationBlock,
  title: string,
  subtitle: string | null
) {
  const letterheadBottom = drawLetterhead(doc, association.name, associationLines(association))
  doc.font(FONT.bold).fontSize(20).fillColor(COLOR.text)
  const fittedTitle = breakLongWords(doc, title, CONTENT_WIDTH)
  content(doc, 'H1', () =>
    doc.text(fittedTitle, MARGIN.left, letterheadBottom + 28, { width: CONTENT_WIDTH })
  )
  if (subtitle && !title.toLowerCase().includes(subtitle.toLowerCase())) {
    doc.font(FONT.regular).fontSize(13).fillColor(COLOR.muted)
    const fittedSubtitle = breakLongWords(doc, subtitle, CONTENT_WIDTH)
    content(doc, 'P', () =>
      doc.text(fittedSubtitle, MARGIN.left, doc.y + 2, { width: CONTENT_WIDTH })
    )
  }
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text)
  doc.y += 14
}

/** When the assembly starts, where, and its online link, as facts. */
export function whenAndWhere(assembly: AssemblyBlock): Fact[] {
  return [
    { label: ASSEMBLY_LABELS.when, value: formatWeekdayDateTime(assembly.startsAt) },
    { label: ASSEMBLY_LABELS.place, value: assembly.place },
    { label: ASSEMBLY_LABELS.online, value: assembly.meetingUrl, link: assembly.meetingUrl },
  ]
}

/** Room the number takes before an agenda item's title; its text lines up after it. */
export const NUMBER_WIDTH = 24

/**
 * "3.  Behandling af indkomne forslag", kept on a page with `keepWith` points
 * of what follows it (three lines unless given; 0 when nothing does).
 */
export function drawNumberedHeading(
  doc: PDFKit.PDFDocument,
  position: number,
  title: string,
  keepWith = 3 * 14
) {
  const x = MARGIN.left
  const width = CONTENT_WIDTH - NUMBER_WIDTH
  doc.font(FONT.bold).fontSize(11.5)
  const fitted = breakLongWords(doc, title, width)
  const height = doc.heightOfString(fitted, { width })
  const y = ensureSpace(doc, doc.y, height + keepWith)
  doc.fillColor(COLOR.text)
  // The number is read with its title: "3. Behandling af indkomne forslag".
  content(doc, 'H3', () => {
    doc.text(`${position}.`, x, y, { width: NUMBER_WIDTH, lineBreak: false })
    doc.text(fitted, x + NUMBER_WIDTH, y, { width })
  })
  doc.font(FONT.regular).fontSize(SIZE.body)
  doc.y += 2
  return doc.y
}

/**
 * A motion: its title, the mark when it changes the statutes, who submitted
 * it and its text, from doc.y at `x`.
 */
export function drawMotion(doc: PDFKit.PDFDocument, motion: MotionBlock, x: number) {
  const width = MARGIN.left + CONTENT_WIDTH - x
  const inner = x + 10
  const innerWidth = width - 10

  return group(doc, 'Sect', () => {
    // The title, mark and submitter stay with the first lines of the text.
    doc.font(FONT.bold).fontSize(10.5)
    const title = breakLongWords(doc, motion.title, innerWidth)
    let head = doc.heightOfString(title, { width: innerWidth }) + 14 + 3 * 14
    if (motion.changesStatutes) head += 13
    let y = ensureSpace(doc, doc.y, head)
    const top = y

    doc.fillColor(COLOR.text)
    content(doc, 'H4', () => doc.text(title, inner, top, { width: innerWidth }))
    if (motion.changesStatutes) {
      doc.font(FONT.bold).fontSize(SIZE.small).fillColor(COLOR.accent)
      const mark = ASSEMBLY_LABELS.changesStatutes
      content(doc, 'P', () => doc.text(mark, inner, doc.y + 1, { width: innerWidth }))
    }
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted)
    const submitter = ASSEMBLY_LABELS.submittedBy(motion.submittedBy)
    content(doc, 'P', () => doc.text(submitter, inner, doc.y + 1, { width: innerWidth }))
    doc.fillColor(COLOR.text)
    y = doc.y + 4
    doc.y = y

    const firstPage = currentPage(doc)
    drawParagraphs(doc, motion.body, { x: inner, width: innerWidth })
    drawBar(doc, x + 1, { page: firstPage, y: top }, { page: currentPage(doc), y: doc.y }, motion)
    return doc.y
  })
}

function currentPage(doc: PDFKit.PDFDocument) {
  const range = doc.bufferedPageRange()
  return range.start + range.count - 1
}

/** A bar down a motion's left edge, over every page the motion spans. */
function drawBar(
  doc: PDFKit.PDFDocument,
  x: number,
  from: { page: number; y: number },
  to: { page: number; y: number },
  motion: MotionBlock
) {
  const y = doc.y
  for (let page = from.page; page <= to.page; page++) {
    doc.switchToPage(page)
    const top = page === from.page ? from.y : MARGIN.top
    const bottom = page === to.page ? to.y : doc.page.maxY()
    // The mark is said in words above the text, so the bar is decoration.
    artifact(doc, () =>
      doc
        .moveTo(x, top + 1)
        .lineTo(x, bottom - 1)
        .lineWidth(2)
        .strokeColor(motion.changesStatutes ? COLOR.accent : COLOR.rule)
        .stroke()
    )
  }
  doc.y = y
}
