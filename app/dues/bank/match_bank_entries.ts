/**
 * Suggests which open invoice each incoming payment settles, with the
 * evidence and how sure it is. Pure: the treasurer (or a one-click apply of
 * the sure ones) decides; nothing here writes.
 *
 * Rules in order, the first that finds an invoice wins:
 *   1. an FI-kort payment ID (structured, a +71 line, or 15 digits in the text)
 *   2. invoice numbers in the text; several whose open amounts add up to the
 *      payment are a split
 *   3. the exact open amount from a payer named like a member with one open invoice
 */
import { invoiceNumberFromFikPaymentId, isValidFikPaymentId } from '#dues/rules/fik_payment_id'
import type { BankEntry } from '#dues/bank/bank_statement'
import { fikIdsInText } from '#dues/bank/bank_values'
import {
  invoiceNumberKey,
  invoiceNumberKeysInText,
  nameSimilarity,
  type NameSimilarity,
} from '#dues/bank/payment_evidence'

export type OpenInvoiceForMatching = {
  id: number
  number: string
  organisationId: number
  organisationName: string
  amountOre: number
  openOre: number
  fikPaymentId: string | null
}

export type MemberForMatching = { id: number; name: string }

export type MatchCertainty = 'sure' | 'likely' | 'possible'
export type PaymentKind = 'full' | 'partial' | 'over'

/** A code the page words in Danish, with the evidence it names. */
export type MatchReason =
  | { code: 'fik_payment_id'; paymentId: string }
  | { code: 'invoice_number'; invoiceNumbers: string[] }
  | { code: 'amount_and_payer'; payerName: string; memberName: string; by: NameSimilarity }

export type Allocation = {
  invoiceId: number
  invoiceNumber: string
  organisationId: number
  amountOre: number
  /** What the invoice still owed when matched; a sure match is booked only while it still does. */
  openOre: number
  /** Compared with what was still open after the statement's earlier entries. */
  kind: PaymentKind
}

export type EntryMatch =
  | { entry: BankEntry; outcome: 'ignored'; because: 'pending' | 'debit' }
  | { entry: BankEntry; outcome: 'unmatched' }
  | {
      entry: BankEntry
      outcome: 'suggested'
      reason: MatchReason
      certainty: MatchCertainty
      /** One invoice, or several when one transfer pays them all (a split). */
      allocations: Allocation[]
    }

export function suggestMatches(
  entries: BankEntry[],
  openInvoices: OpenInvoiceForMatching[],
  members: MemberForMatching[]
): EntryMatch[] {
  const ledger = new OpenLedger(openInvoices)
  const membersById = new Map(members.map((member) => [member.id, member]))
  return entries.map((entry) => {
    if (entry.status === 'pending') return { entry, outcome: 'ignored', because: 'pending' }
    if (entry.amountOre <= 0) return { entry, outcome: 'ignored', because: 'debit' }
    const match =
      byPaymentId(entry, ledger) ??
      byInvoiceNumbers(entry, ledger) ??
      byPayer(entry, ledger, membersById)
    if (!match) return { entry, outcome: 'unmatched' }
    for (const allocation of match.allocations)
      ledger.pay(allocation.invoiceId, allocation.amountOre)
    return { entry, outcome: 'suggested', ...match }
  })
}

type Match = Omit<Extract<EntryMatch, { outcome: 'suggested' }>, 'entry' | 'outcome'>

function byPaymentId(entry: BankEntry, ledger: OpenLedger): Match | undefined {
  const ids = [entry.reference, ...fikIdsInText(entry.text)].filter(
    (id): id is string => id !== undefined && isValidFikPaymentId(id)
  )
  for (const paymentId of new Set(ids)) {
    const invoice = ledger.byPaymentId(paymentId)
    if (!invoice) continue
    return {
      reason: { code: 'fik_payment_id', paymentId },
      certainty: 'sure',
      allocations: [ledger.allocate(invoice, entry.amountOre)],
    }
  }
}

function byInvoiceNumbers(entry: BankEntry, ledger: OpenLedger): Match | undefined {
  const invoices = invoiceNumberKeysInText(entry.text)
    .map((key) => ledger.byNumberKey(key))
    .filter((invoice) => invoice !== undefined)
  if (invoices.length === 0) return undefined
  const reason = {
    code: 'invoice_number' as const,
    invoiceNumbers: invoices.map((invoice) => invoice.number),
  }
  if (invoices.length === 1) {
    const allocation = ledger.allocate(invoices[0], entry.amountOre)
    return {
      reason,
      certainty: allocation.kind === 'full' ? 'sure' : 'likely',
      allocations: [allocation],
    }
  }
  const openTotal = invoices.reduce((sum, invoice) => sum + ledger.openOf(invoice), 0)
  if (openTotal === entry.amountOre) {
    return {
      reason,
      certainty: 'sure',
      allocations: invoices.map((invoice) => ledger.allocate(invoice, ledger.openOf(invoice))),
    }
  }
  // Amounts that do not add up: the invoices are filled in the payer's order, for the treasurer to judge.
  let left = entry.amountOre
  const allocations: Allocation[] = []
  for (const [index, invoice] of invoices.entries()) {
    if (left <= 0) break
    const last = index === invoices.length - 1
    const amount = last ? left : Math.min(left, ledger.openOf(invoice))
    allocations.push(ledger.allocate(invoice, amount))
    left -= amount
  }
  return { reason, certainty: 'possible', allocations }
}

function byPayer(
  entry: BankEntry,
  ledger: OpenLedger,
  members: Map<number, MemberForMatching>
): Match | undefined {
  // The amount narrows thousands of members to the few owing exactly it; only their names are compared.
  const candidates = ledger.openWithAmount(entry.amountOre).flatMap((invoice) => {
    const member = members.get(invoice.organisationId)
    if (!member || ledger.openInvoicesOf(member.id).length !== 1) return []
    const by = nameSimilarity(member.name, entry.payerName, entry.text)
    return by ? [{ member, by, invoice }] : []
  })
  // Two members who both fit leave the choice to the treasurer, unsuggested.
  if (candidates.length !== 1) return undefined
  const { member, by, invoice } = candidates[0]
  return {
    reason: {
      code: 'amount_and_payer',
      payerName: entry.payerName ?? entry.text,
      memberName: member.name,
      by,
    },
    certainty: by === 'same_name' ? 'likely' : 'possible',
    allocations: [ledger.allocate(invoice, entry.amountOre)],
  }
}

/**
 * The open amounts as the statement is worked through: an invoice an
 * earlier entry paid in full is offered to no later one.
 */
class OpenLedger {
  private open = new Map<number, number>()
  private paymentIds = new Map<string, OpenInvoiceForMatching>()
  private numberKeys = new Map<string, OpenInvoiceForMatching>()
  private byOrganisation = new Map<number, OpenInvoiceForMatching[]>()

  constructor(private invoices: OpenInvoiceForMatching[]) {
    for (const invoice of invoices) {
      this.open.set(invoice.id, invoice.openOre)
      const own = this.byOrganisation.get(invoice.organisationId) ?? []
      own.push(invoice)
      this.byOrganisation.set(invoice.organisationId, own)
      if (invoice.fikPaymentId) this.paymentIds.set(invoice.fikPaymentId, invoice)
      const key = invoiceNumberKey(invoice.number)
      if (key) this.numberKeys.set(key, invoice)
    }
  }

  openOf(invoice: OpenInvoiceForMatching) {
    return this.open.get(invoice.id) ?? 0
  }

  byPaymentId(paymentId: string) {
    const number = invoiceNumberFromFikPaymentId(paymentId)
    const key = number ? invoiceNumberKey(number) : null
    const invoice = this.paymentIds.get(paymentId) ?? (key ? this.numberKeys.get(key) : undefined)
    return invoice && this.openOf(invoice) > 0 ? invoice : undefined
  }

  byNumberKey(key: string) {
    const invoice = this.numberKeys.get(key)
    return invoice && this.openOf(invoice) > 0 ? invoice : undefined
  }

  openInvoicesOf(organisationId: number) {
    const own = this.byOrganisation.get(organisationId) ?? []
    return own.filter((invoice) => this.openOf(invoice) > 0)
  }

  openWithAmount(amountOre: number) {
    return this.invoices.filter((invoice) => this.openOf(invoice) === amountOre)
  }

  allocate(invoice: OpenInvoiceForMatching, amountOre: number): Allocation {
    const open = this.openOf(invoice)
    const kind = amountOre === open ? 'full' : amountOre < open ? 'partial' : 'over'
    return {
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      organisationId: invoice.organisationId,
      amountOre,
      openOre: open,
      kind,
    }
  }

  pay(invoiceId: number, amountOre: number) {
    this.open.set(invoiceId, (this.open.get(invoiceId) ?? 0) - amountOre)
  }
}
