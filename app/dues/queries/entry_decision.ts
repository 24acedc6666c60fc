import { getStatementEntry, type StatementEntryView } from '#dues/queries/statement_entries'
import { getOpenInvoices } from '#dues/queries/open_invoices_for_matching'
import { booksClosedThrough, isInClosedPeriod } from '#dues/rules/closed_books'
import { formatKroner } from '#shared/formatting'

export type InvoiceChoice = { id: number; label: string; suggested: boolean }
export type AllocationRow = { invoiceId: number | null; amount: string }

/** Rows the decision form offers: the suggestion's, then empty ones for a split. */
const FORM_ROWS = 4

/**
 * What the treasurer needs to decide one entry: the bank's words, what the
 * rules found and why, the invoices still open (those suggested first), and
 * whether its period is still open for a change.
 */
export async function getEntryDecision(statementId: number, entryId: number) {
  const entry = await getStatementEntry(statementId, entryId)
  if (!entry) return null
  const closedThrough = await booksClosedThrough()
  return {
    statementId,
    entry,
    closedThrough,
    inClosedPeriod: isInClosedPeriod(entry.bookingDate, closedThrough),
    choices: entry.state === 'open' ? await invoiceChoices(entry) : [],
    rows: entry.state === 'open' ? formRows(entry) : [],
  }
}

async function invoiceChoices(entry: StatementEntryView): Promise<InvoiceChoice[]> {
  const openInvoices = await getOpenInvoices()
  const suggested = new Set(entry.suggestion?.allocations.map((part) => part.invoiceId) ?? [])
  return openInvoices
    .map((invoice) => ({
      id: invoice.id,
      label: `${invoice.number} · ${invoice.organisationName} · ${formatKroner(invoice.openOre)}`,
      suggested: suggested.has(invoice.id),
      name: invoice.organisationName,
    }))
    .sort((a, b) => Number(b.suggested) - Number(a.suggested) || a.name.localeCompare(b.name, 'da'))
    .map(({ id, label, suggested: isSuggested }) => ({ id, label, suggested: isSuggested }))
}

function formRows(entry: StatementEntryView): AllocationRow[] {
  const rows: AllocationRow[] = (entry.suggestion?.allocations ?? []).map((part) => ({
    invoiceId: part.invoiceId,
    amount: kronerField(part.amountOre),
  }))
  if (rows.length === 0) rows.push({ invoiceId: null, amount: kronerField(entry.amountOre) })
  while (rows.length < FORM_ROWS) rows.push({ invoiceId: null, amount: '' })
  return rows
}

/** "1.250,00": what the kroner fields accept back. */
function kronerField(ore: number) {
  return formatKroner(ore).replace(/\s*kr\.$/, '')
}
