import { buffer } from 'node:stream/consumers'
import { formatDateTime } from '#shared/formatting'
import { FONT } from '#shared/pdf/fonts'
import {
  COLOR,
  CONTENT_WIDTH,
  MARGIN,
  RIGHT_BLOCK_WIDTH,
  RIGHT_BLOCK_X,
  SIZE,
  drawPageFooters,
  ensureSpace,
  openPdf,
  rule,
} from '#shared/pdf/page_frame'
import { drawTable, totalRow, type TableCell, type TableLayout } from '#shared/pdf/table'
import { content, group } from '#shared/pdf/tags'
import { drawFacts } from '#shared/pdf/text'
import type { RegisterRow, VotingRegisterDocument } from '#assemblies/documents/assembly_documents'
import { drawTitleBlock, instant, whenAndWhere } from '#assemblies/documents/notice_pdf'

/**
 * The voting register (stemmeliste): every member organisation, whether it is
 * present and by whom, the proxies given and held, its voting right with the
 * reason for it and the votes it casts, with the totals a quorum rule needs.
 * A4, Danish. The minutes print the same table.
 */

export type RegisterTotals = VotingRegisterDocument['totals']

/** The register of a closed assembly says it is the one frozen at the close, and when. */
export type VotingRegisterPdf = VotingRegisterDocument & { frozenAt?: string | null }

/** Every word the register prints, in one place so an English variant can sit beside it. */
export const REGISTER_LABELS = {
  document: 'Stemmeliste',
  columns: {
    organisation: 'Organisation',
    present: 'Til stede',
    representative: 'Repræsentant',
    proxyTo: 'Fuldmagt til',
    proxiesFrom: 'Fuldmagter fra',
    mayVote: 'Stemmeret',
    votes: 'Stemmer',
  },
  yes: 'Ja',
  no: 'Nej',
  totals: {
    members: 'Medlemmer',
    entitled: 'Stemmeberettigede',
    present: 'Til stede',
    represented: 'Repræsenteret',
    votes: 'Stemmer i alt',
  } satisfies Record<keyof RegisterTotals, string>,
  printedAt: (dateTime: string) => `Udskrevet ${dateTime}`,
  frozenAt: (dateTime: string) =>
    `Stemmelisten, som den stod, da generalforsamlingen blev afsluttet ${dateTime}.`,
}

const REGISTER_TABLE: TableLayout = (() => {
  const labels = REGISTER_LABELS.columns
  // Each heading fits its column on one line; the organisation takes what is left.
  const widths = { present: 42, representative: 70, proxyTo: 66, proxiesFrom: 68, votes: 45 }
  // Room for "Nej – ikke betalt" on two lines.
  const mayVote = 76
  const organisation =
    CONTENT_WIDTH - mayVote - Object.values(widths).reduce((sum, width) => sum + width, 0)
  return {
    columns: [
      { header: labels.organisation, width: organisation },
      { header: labels.present, width: widths.present },
      { header: labels.representative, width: widths.representative },
      { header: labels.proxyTo, width: widths.proxyTo },
      { header: labels.proxiesFrom, width: widths.proxiesFrom },
      { header: labels.mayVote, width: mayVote },
      { header: labels.votes, width: widths.votes, align: 'right' },
    ],
    size: 9,
    headerSize: 8,
    rowHeadings: true,
  }
})()

/** The finished register as a PDF. */
export async function renderVotingRegisterPdf(document: VotingRegisterPdf): Promise<Buffer> {
  const { association, assembly } = document
  const doc = await openPdf({
    title: `${REGISTER_LABELS.document} – ${assembly.title}`,
    author: association.name,
    // The printing time rather than the clock, so the same register renders to the same bytes.
    createdAt: instant(document.printedAt),
  })

  drawTitleBlock(doc, association, REGISTER_LABELS.document, assembly.title)
  drawFacts(doc, whenAndWhere(assembly))
  if (document.frozenAt) {
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted)
    const frozen = REGISTER_LABELS.frozenAt(formatDateTime(document.frozenAt))
    content(doc, 'P', () =>
      doc.text(frozen, MARGIN.left, doc.y + 8, {
        width: CONTENT_WIDTH,
      })
    )
    doc.fillColor(COLOR.text)
  }
  // The totals and the printing line go over with the last row, never alone.
  doc.font(FONT.regular).fontSize(SIZE.small)
  const printedLine = doc.currentLineHeight(true) + 10
  const keepWithLast = 14 + registerTotalsHeight(doc) + printedLine
  let y = drawRegisterTable(doc, document.rows, doc.y + 14, keepWithLast)
  y = drawRegisterTotals(doc, document.totals, y + 14, printedLine)

  doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted)
  y = ensureSpace(doc, y + 10, doc.currentLineHeight(true))
  const printed = REGISTER_LABELS.printedAt(formatDateTime(document.printedAt))
  content(doc, 'P', () => doc.text(printed, MARGIN.left, y, { width: CONTENT_WIDTH }))
  doc.fillColor(COLOR.text)

  drawPageFooters(doc, [REGISTER_LABELS.document, assembly.title])
  doc.end()
  return buffer(doc)
}

/**
 * The register's table from `top`, over as many pages as it needs with the
 * column headings on each. Returns the y below it.
 */
export function drawRegisterTable(
  doc: PDFKit.PDFDocument,
  rows: RegisterRow[],
  top: number,
  keepWithLast = 0
) {
  const { yes, no } = REGISTER_LABELS
  const cells = rows.map((row): TableCell[] => [
    [{ text: row.organisation, font: FONT.bold }],
    row.present ? yes : no,
    row.representative,
    row.proxyTo,
    // One run each: a name that wraps then starts its second line flush left.
    row.proxiesFrom.map((organisation) => ({ text: organisation, gap: 0 })),
    // The reason also beside a yes ("Ja – fritaget"): every line says why.
    `${row.mayVote ? yes : no}${row.reason ? ` – ${row.reason}` : ''}`,
    String(row.votes),
  ])
  return drawTable(doc, REGISTER_TABLE, cells, top, { keepWithLast })
}

const TOTAL_ROWS = 5

/** The room the totals take below the table. */
export function registerTotalsHeight(doc: PDFKit.PDFDocument) {
  doc.font(FONT.regular).fontSize(SIZE.body)
  return TOTAL_ROWS * (doc.currentLineHeight(true) + 2) + 6
}

/**
 * The totals, right-aligned under the table with the votes in bold, kept on
 * a page with `keepWith` points of what follows. Returns the y below.
 */
export function drawRegisterTotals(
  doc: PDFKit.PDFDocument,
  totals: RegisterTotals,
  top: number,
  keepWith = 0
) {
  const labels = REGISTER_LABELS.totals
  const rows: [string, number][] = [
    [labels.members, totals.members],
    [labels.entitled, totals.entitled],
    [labels.present, totals.present],
    [labels.represented, totals.represented],
  ]
  doc.font(FONT.regular).fontSize(SIZE.body)
  const lineHeight = doc.currentLineHeight(true) + 2
  let y = ensureSpace(doc, top, registerTotalsHeight(doc) + keepWith)
  doc.font(FONT.regular).fontSize(SIZE.body)
  group(doc, 'Table', () => {
    for (const [label, value] of rows) {
      totalRow(doc, label, String(value), y)
      y += lineHeight
    }
    rule(doc, RIGHT_BLOCK_X, y, RIGHT_BLOCK_WIDTH, COLOR.text)
    y += 4
    doc.font(FONT.bold)
    totalRow(doc, labels.votes, String(totals.votes), y)
    doc.font(FONT.regular)
  })
  return y + lineHeight
}
