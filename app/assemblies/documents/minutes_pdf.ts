import { buffer } from 'node:stream/consumers'
import { formatDateTime } from '#shared/formatting'
import {
  attachSignedText,
  drawSeal,
  drawSignatures,
} from '#assemblies/documents/minutes_signatures_pdf'
import { FONT } from '#shared/pdf/fonts'
import {
  COLOR,
  CONTENT_WIDTH,
  MARGIN,
  SIZE,
  drawPageFooters,
  ensureSpace,
  openPdf,
} from '#shared/pdf/page_frame'
import { artifact, content, group } from '#shared/pdf/tags'
import {
  drawFacts,
  drawHeading,
  drawParagraphs,
  formatClock,
  sameDanishDay,
} from '#shared/pdf/text'
import { quorumCount } from '#assemblies/rules/voting_register'
import type {
  AssemblyBlock,
  BallotResultBlock,
  MinutesDocument,
  RegisterRow,
} from '#assemblies/documents/assembly_documents'
import {
  ASSEMBLY_LABELS,
  NUMBER_WIDTH,
  drawMotion,
  drawNumberedHeading,
  drawTitleBlock,
  instant,
  whenAndWhere,
} from '#assemblies/documents/notice_pdf'
import {
  REGISTER_LABELS,
  drawRegisterTable,
  type RegisterTotals,
} from '#assemblies/documents/voting_register_pdf'

/**
 * The minutes (referat) of a general assembly: how it went, who attended and
 * by proxy, the dirigent's statement, each agenda item with its motions and
 * ballots, and the dirigent's and referent's signatures. A4, Danish.
 */

type Kind = AssemblyBlock['kind']
type Role = MinutesDocument['signatures'][number]['role']

/** Every word the minutes print, in one place so an English variant can sit beside it. */
const LABELS = {
  document: 'Referat',
  title: (kind: Kind) => `Referat af ${ASSEMBLY_LABELS.kind[kind]} generalforsamling`,
  subtitle: (title: string, version: number) => `${title} · version ${version}`,
  version: (version: number) => `version ${version}`,
  opened: 'Åbnet',
  closed: 'Afsluttet',
  role: { dirigent: 'Dirigent', referent: 'Referent' } satisfies Record<Role, string>,
  attendance: 'Fremmøde',
  statement: 'Dirigentens konstatering',
  agenda: 'Dagsorden og beslutninger',
  ballot: {
    secret: 'Hemmelig afstemning',
    method: {
      electronic: 'Elektronisk afstemning',
      show_of_hands: 'Håndsoprækning',
    } satisfies Record<BallotResultBlock['method'], string>,
  },
}

/** The finished minutes as a PDF. */
export async function renderMinutesPdf(document: MinutesDocument): Promise<Buffer> {
  const { association, assembly } = document
  const doc = await openPdf({
    title: `${LABELS.title(assembly.kind)} – ${LABELS.subtitle(assembly.title, document.version)}`,
    author: association.name,
    // From the minutes themselves rather than the clock, so a version renders to the same bytes.
    createdAt: instant(lastEvent(document)),
    // Signed minutes are the association's record for good: PDF/A, with the signed text attached.
    archive: document.signatures.length > 0,
  })

  drawTitleBlock(
    doc,
    association,
    LABELS.title(assembly.kind),
    LABELS.subtitle(assembly.title, document.version)
  )
  drawFacts(doc, [
    ...whenAndWhere(assembly),
    { label: LABELS.opened, value: timeOfDay(document.openedAt, assembly.startsAt) },
    { label: LABELS.closed, value: timeOfDay(document.closedAt, assembly.startsAt) },
    { label: LABELS.role.dirigent, value: document.dirigent },
    { label: LABELS.role.referent, value: document.referent },
  ])

  doc.moveDown(1)
  drawHeading(doc, LABELS.attendance)
  doc.moveDown(0.3)
  drawParagraphs(doc, totalsLine(attendanceTotals(document.attendance)))
  const y = drawRegisterTable(doc, document.attendance, doc.y + 8)
  doc.y = y + 18

  if (document.statement.trim()) {
    drawHeading(doc, LABELS.statement)
    doc.moveDown(0.3)
    drawParagraphs(doc, document.statement)
    doc.moveDown(1)
  }

  drawHeading(doc, LABELS.agenda, { size: 15 })
  for (const item of document.items) {
    doc.moveDown(0.8)
    const followed = !!item.notes || item.motions.length + item.ballots.length > 0
    group(doc, 'Sect', () => {
      drawNumberedHeading(doc, item.position, item.title, followed ? undefined : 0)
      const x = MARGIN.left + NUMBER_WIDTH
      if (item.notes) drawParagraphs(doc, item.notes, { x })
      for (const motion of item.motions) {
        doc.moveDown(0.6)
        drawMotion(doc, motion, x)
      }
      for (const ballot of item.ballots) {
        doc.moveDown(0.6)
        drawBallot(doc, ballot, x)
      }
    })
  }

  drawSignatures(doc, document, LABELS.role)
  drawSeal(doc, document)
  attachSignedText(doc, document, instant(lastEvent(document)))
  drawPageFooters(doc, [LABELS.document, assembly.title, LABELS.version(document.version)])
  doc.end()
  return buffer(doc)
}

/** The latest moment the minutes record: the last signature, else the closing, else the start. */
function lastEvent(document: MinutesDocument) {
  const signedAt = document.signatures
    .map((signature) => signature.signedAt)
    .sort((a, b) => instant(a).getTime() - instant(b).getTime())
    .at(-1)
  return signedAt ?? document.closedAt ?? document.assembly.startsAt
}

/** "kl. 19.02" on the assembly's day; the full date and time if it ran past midnight. */
function timeOfDay(at: string | null, startsAt: string) {
  if (!at) return null
  return sameDanishDay(at, startsAt) ? formatClock(at) : formatDateTime(at)
}

/**
 * The register's totals worked out from its rows, by the rule the register
 * itself uses (quorumCount): an absent member is represented only when its
 * proxy is held by a present member that may vote.
 */
export function attendanceTotals(rows: RegisterRow[]): RegisterTotals {
  const ids = new Map(rows.map((row, index) => [row.organisation, index]))
  const { entitled, represented } = quorumCount(
    rows.map((row, index) => ({
      id: index,
      mayVote: row.mayVote,
      present: row.present,
      proxyGivenTo: row.proxyTo === null ? null : (ids.get(row.proxyTo) ?? null),
    }))
  )
  return {
    members: rows.length,
    entitled,
    present: rows.filter((row) => row.present).length,
    represented,
    votes: rows.reduce((sum, row) => sum + row.votes, 0),
  }
}

function totalsLine(totals: RegisterTotals) {
  const labels = REGISTER_LABELS.totals
  return (Object.keys(labels) as (keyof RegisterTotals)[])
    .map((key) => `${labels[key]}: ${totals[key]}`)
    .join(' · ')
}

const SHORT_RESULT = { lines: 4, length: 30 }

/**
 * The result lines as printed: a short result shares one line, so a yes/no
 * count reads "For: 7 · Imod: 0 · Blanke: 0 · Vedtaget"; anything longer, such
 * as an election's candidates, stands one to a line.
 */
export function resultText(lines: string[]) {
  const short =
    lines.length <= SHORT_RESULT.lines && lines.every((line) => line.length <= SHORT_RESULT.length)
  return lines.join(short ? ' · ' : '\n')
}

/**
 * A ballot in a shaded box, kept on one page: the question, how it was
 * voted, and the result lines.
 */
function drawBallot(doc: PDFKit.PDFDocument, ballot: BallotResultBlock, x: number) {
  const padding = 7
  const width = MARGIN.left + CONTENT_WIDTH - x
  const inner = width - 2 * padding
  const how = [ballot.secret ? LABELS.ballot.secret : null, LABELS.ballot.method[ballot.method]]
    .filter(Boolean)
    .join(' · ')
  const result = resultText(ballot.lines)

  const question = () => doc.font(FONT.bold).fontSize(SIZE.body)
  const note = () => doc.font(FONT.regular).fontSize(SIZE.small)
  const lines = () => doc.font(FONT.bold).fontSize(SIZE.body)
  const height =
    question().heightOfString(ballot.question, { width: inner }) +
    2 +
    note().heightOfString(how, { width: inner }) +
    (result ? 4 + lines().heightOfString(result, { width: inner }) : 0) +
    2 * padding

  // A ballot longer than a page (a big election) flows on without its box.
  const boxed = height <= doc.page.maxY() - MARGIN.top
  const top = ensureSpace(doc, doc.y, boxed ? height : 6 * 14)
  if (boxed) {
    artifact(doc, () => {
      doc.rect(x, top, width, height).fill(COLOR.headerFill)
      doc.rect(x, top, 2, height).fill(COLOR.rule)
    })
  }
  group(doc, 'Div', () => {
    question().fillColor(COLOR.text)
    content(doc, 'P', () => doc.text(ballot.question, x + padding, top + padding, { width: inner }))
    note().fillColor(COLOR.muted)
    content(doc, 'P', () => doc.text(how, x + padding, doc.y + 2, { width: inner }))
    if (result) {
      lines().fillColor(COLOR.text)
      content(doc, 'P', () => doc.text(result, x + padding, doc.y + 4, { width: inner }))
    }
  })
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text)
  doc.y = boxed ? top + height : doc.y + padding
}
