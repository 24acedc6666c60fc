import { buffer } from 'node:stream/consumers'
import type { DateTime } from 'luxon'
import { formatDateTime, formatKroner } from '#shared/formatting'
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
import { drawTable, type TableCell, type TableLayout } from '#shared/pdf/table'
import { content } from '#shared/pdf/tags'
import { drawFacts, drawHeading, formatDay } from '#shared/pdf/text'
import { breakLongWords } from '#shared/pdf/wrap'
import type BankAccountStatement from '#dues/models/bank_account_statement'
import type { StatementReconciliation } from '#dues/queries/statement_reconciliation'
import { LABELS } from '#dues/documents/reconciliation_pdf_labels'
import { drawEntryGroups } from '#dues/documents/reconciliation_pdf_entries'

/**
 * The auditor's bank reconciliation for one imported statement: the bank's
 * balances checked against the entries the file lists, the movement explained
 * by what paid dues, what waits, what is no dues and what went out, and every
 * entry with the invoice it paid. A4, Danish.
 */

export type ReconciliationAssociation = { name: string; cvr?: string | null }

// The amount columns of the two summary tables line up under each other.
const AMOUNT_WIDTH = 130
const SUMMARY_WIDTH = 410
const COUNT_WIDTH = 60

const SUMMARY_TABLE: TableLayout = {
  columns: [
    { header: LABELS.summary.columns.item, width: SUMMARY_WIDTH - AMOUNT_WIDTH },
    { header: LABELS.summary.columns.amount, width: AMOUNT_WIDTH, align: 'right' },
  ],
  rowHeadings: true,
}

const MOVEMENT_TABLE: TableLayout = {
  columns: [
    { header: LABELS.movement.columns.group, width: SUMMARY_WIDTH - COUNT_WIDTH - AMOUNT_WIDTH },
    { header: LABELS.movement.columns.count, width: COUNT_WIDTH, align: 'right' },
    { header: LABELS.movement.columns.amount, width: AMOUNT_WIDTH, align: 'right' },
  ],
  rowHeadings: true,
}

/** The finished report; `printedAt` is printed on it and dates the PDF. */
export async function renderReconciliationPdf(
  reconciliation: StatementReconciliation,
  association: ReconciliationAssociation,
  printedAt: DateTime
): Promise<Buffer> {
  const account = accountOf(reconciliation.statement)
  const doc = await openPdf({
    title: `${LABELS.title} – ${account}`,
    author: association.name,
    // The printing time rather than the clock, so the same report renders to the same bytes.
    createdAt: printedAt.toJSDate(),
  })

  drawHeader(doc, reconciliation.statement, association, printedAt)
  drawSummary(doc, reconciliation)
  drawMovement(doc, reconciliation)
  drawEntryGroups(doc, reconciliation.entries)
  drawPageFooters(doc, [association.name, `${LABELS.title} – ${account}`])
  doc.end()
  return buffer(doc)
}

/** "bankafstemning-7.pdf", for Content-Disposition. */
export function reconciliationPdfFilename(statement: BankAccountStatement) {
  return `${LABELS.filename}-${statement.id}.pdf`
}

function accountOf(statement: BankAccountStatement) {
  return statement.account?.trim() || LABELS.unknownAccount
}

/** A date column read as its calendar day, so the server's time zone cannot shift it. */
function dayOf(date: DateTime | null) {
  const iso = date?.toISODate()
  return iso ? formatDay(iso) : LABELS.notStated
}

function drawHeader(
  doc: PDFKit.PDFDocument,
  statement: BankAccountStatement,
  association: ReconciliationAssociation,
  printedAt: DateTime
) {
  const cvr = association.cvr ? [`${LABELS.cvr} ${association.cvr}`] : []
  const letterheadBottom = drawLetterhead(doc, association.name, cvr)
  doc.font(FONT.bold).fontSize(SIZE.title).fillColor(COLOR.text)
  content(doc, 'H1', () =>
    doc.text(LABELS.title, MARGIN.left, letterheadBottom + 28, { width: CONTENT_WIDTH })
  )
  doc.font(FONT.regular).fontSize(SIZE.body)
  doc.y += 10

  const facts = LABELS.facts
  drawFacts(doc, [
    { label: facts.account, value: accountOf(statement) },
    { label: facts.bank, value: statement.bank ? LABELS.banks[statement.bank] : null },
    {
      label: facts.period,
      value: LABELS.period(dayOf(statement.fromDate), dayOf(statement.toDate)),
    },
    // Kroner are the norm; another currency is worth saying, as the amounts are in it.
    { label: facts.currency, value: statement.currency !== 'DKK' ? statement.currency : null },
    { label: facts.printedAt, value: formatDateTime(printedAt) },
  ])
}

function amountOrNote(ore: number | null, note: string) {
  return ore === null ? note : formatKroner(ore)
}

function bold(text: string): TableCell {
  return [{ text, font: FONT.bold }]
}

function drawSummary(doc: PDFKit.PDFDocument, reconciliation: StatementReconciliation) {
  const { statement, fileDifferenceOre } = reconciliation
  const labels = LABELS.summary
  const rows: TableCell[][] = [
    [labels.opening, amountOrNote(statement.openingBalanceOre, LABELS.notStated)],
    [labels.movement, formatKroner(reconciliation.movementOre)],
    [labels.computedClosing, amountOrNote(reconciliation.computedClosingOre, labels.cannotCompute)],
    [labels.closing, amountOrNote(statement.closingBalanceOre, LABELS.notStated)],
    [bold(labels.difference), bold(amountOrNote(fileDifferenceOre, labels.cannotCompute))],
  ]
  drawHeading(doc, labels.heading, { spaceBefore: 16, keepWith: 6 * 20 })
  doc.y = drawTable(doc, SUMMARY_TABLE, rows, doc.y + 4)

  // A difference is the finding the auditor must act on, so it is said in words, not left to a number.
  if (fileDifferenceOre !== 0) {
    const finding = fileDifferenceOre === null ? labels.noBalances : labels.differenceExplained
    drawNote(doc, finding, fileDifferenceOre === null ? COLOR.muted : COLOR.accent)
  }
  if (statement.pendingCount > 0) drawNote(doc, labels.pending(statement.pendingCount), COLOR.muted)
}

function drawNote(doc: PDFKit.PDFDocument, text: string, color: string) {
  doc.font(FONT.regular).fontSize(SIZE.small)
  const fitted = breakLongWords(doc, text, SUMMARY_WIDTH)
  const y = ensureSpace(doc, doc.y + 5, doc.heightOfString(fitted, { width: SUMMARY_WIDTH }))
  doc.fillColor(color)
  content(doc, 'P', () => doc.text(fitted, MARGIN.left, y, { width: SUMMARY_WIDTH }))
  doc.fillColor(COLOR.text).fontSize(SIZE.body)
}

function drawMovement(doc: PDFKit.PDFDocument, reconciliation: StatementReconciliation) {
  const labels = LABELS.movement
  const open = {
    count: reconciliation.sure.count + reconciliation.toDecide.count,
    ore: reconciliation.sure.ore + reconciliation.toDecide.ore,
  }
  const groups = [
    [LABELS.groups.matched, reconciliation.matched],
    [LABELS.groups.open, open],
    [LABELS.groups.not_dues, reconciliation.notDues],
    [LABELS.groups.debit, reconciliation.debits],
  ] as const
  const rows: TableCell[][] = groups.map(([label, group]) => [
    label,
    String(group.count),
    formatKroner(group.ore),
  ])
  const count = groups.reduce((sum, [, group]) => sum + group.count, 0)
  const ore = groups.reduce((sum, [, group]) => sum + group.ore, 0)
  // The groups always add up to the movement; should they not, the gap is shown rather than hidden.
  const addsUp = ore === reconciliation.movementOre
  rows.push([
    bold(addsUp ? labels.total : labels.totalDiffers),
    bold(String(count)),
    bold(formatKroner(ore)),
  ])
  if (!addsUp) rows.push([labels.gap, null, formatKroner(reconciliation.movementOre - ore)])

  drawHeading(doc, labels.heading, { spaceBefore: 22, keepWith: 7 * 20 })
  doc.y = drawTable(doc, MOVEMENT_TABLE, rows, doc.y + 4)
}
