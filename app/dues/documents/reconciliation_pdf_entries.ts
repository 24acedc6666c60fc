import { formatKroner } from '#shared/formatting'
import { FONT } from '#shared/pdf/fonts'
import { COLOR, CONTENT_WIDTH, MARGIN, SIZE } from '#shared/pdf/page_frame'
import { drawTable, type CellRun, type TableCell, type TableLayout } from '#shared/pdf/table'
import { content, group } from '#shared/pdf/tags'
import { drawHeading, formatDay } from '#shared/pdf/text'
import type { StatementEntryView } from '#dues/queries/statement_entries'
import { ENTRY_GROUPS, LABELS, groupOf } from '#dues/documents/reconciliation_pdf_labels'

/**
 * The report's entry list: one table per group, in the bank's order, so the
 * auditor can tick each line against the statement and see which invoice it
 * paid and on what evidence.
 */

const ENTRY_TABLE: TableLayout = (() => {
  const labels = LABELS.entries.columns
  // Room for "30. september 2026" and "-1.250.000,00 kr." on one line each.
  const date = 84
  const amount = 80
  const detail = 180
  return {
    columns: [
      { header: labels.date, width: date },
      { header: labels.text, width: CONTENT_WIDTH - date - detail - amount },
      { header: labels.detail, width: detail },
      { header: labels.amount, width: amount, align: 'right' },
    ],
    size: SIZE.small,
    headerSize: SIZE.small,
  }
})()

/**
 * Room a group heading wants below it: the table's heading and a first row of
 * three lines, so a heading is never left alone at the bottom of a page.
 */
const KEEP_WITH_HEADING = 70

const muted = (text: string): CellRun => ({ text, color: COLOR.muted })

function textCell(entry: StatementEntryView): TableCell {
  const entries = LABELS.entries
  const payer =
    entry.payerName && !entry.text.toLowerCase().includes(entry.payerName.toLowerCase())
      ? muted(entries.payer(entry.payerName))
      : null
  return [
    { text: entry.text },
    ...(payer ? [payer] : []),
    ...(entry.importedBefore ? [muted(entries.importedBefore)] : []),
  ]
}

type Allocation = StatementEntryView['payments'][number]

/** "Faktura 2026-0042 · Aarhus Kommune", with each share when one transfer paid several. */
function invoiceRuns(allocations: Allocation[], color?: string): CellRun[] {
  const split = allocations.length > 1
  return allocations.map((allocation) => ({
    text:
      LABELS.entries.invoice(allocation.invoiceNumber, allocation.memberName) +
      (split ? LABELS.entries.share(formatKroner(allocation.amountOre)) : ''),
    color,
  }))
}

function detailCell(entry: StatementEntryView): TableCell {
  if (entry.state === 'matched') {
    const how = entry.matchedBy
      ? [muted(LABELS.entries.matchedBy(LABELS.matchedBy[entry.matchedBy]))]
      : []
    return [...invoiceRuns(entry.payments), ...how]
  }
  // An open entry shows what the rules proposed, marked as a proposal, since nothing is booked yet.
  if (entry.state === 'open' && entry.suggestion) {
    const how = LABELS.matchedBy[entry.suggestion.reason.code]
    return [
      muted(LABELS.entries.suggestion(how)),
      ...invoiceRuns(entry.suggestion.allocations, COLOR.muted),
    ]
  }
  return null
}

function entryRow(entry: StatementEntryView): TableCell[] {
  return [
    formatDay(entry.bookingDate),
    textCell(entry),
    detailCell(entry),
    formatKroner(entry.amountOre),
  ]
}

/** Every group under its heading with its count and sum, from doc.y. Returns the y below. */
export function drawEntryGroups(doc: PDFKit.PDFDocument, entries: StatementEntryView[]) {
  drawHeading(doc, LABELS.entries.heading, { spaceBefore: 22, keepWith: KEEP_WITH_HEADING + 30 })
  for (const entryGroup of ENTRY_GROUPS) {
    const chosen = entries.filter((entry) => groupOf(entry) === entryGroup)
    const sum = chosen.reduce((total, entry) => total + entry.amountOre, 0)
    const heading = LABELS.entries.groupHeading(
      LABELS.groups[entryGroup],
      chosen.length,
      formatKroner(sum)
    )
    group(doc, 'Sect', () => {
      drawHeading(doc, heading, {
        size: SIZE.body,
        spaceBefore: 12,
        keepWith: KEEP_WITH_HEADING,
        level: 3,
      })
      if (chosen.length === 0) {
        doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted)
        content(doc, 'P', () =>
          doc.text(LABELS.entries.none, MARGIN.left, doc.y + 2, { width: CONTENT_WIDTH })
        )
        doc.fillColor(COLOR.text).fontSize(SIZE.body)
        return
      }
      doc.y = drawTable(doc, ENTRY_TABLE, chosen.map(entryRow), doc.y + 4)
    })
  }
  return doc.y
}
