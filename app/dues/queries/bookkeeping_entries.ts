import type { DateTime } from 'luxon'
import Invoice from '#dues/models/invoice'
import Payment from '#dues/models/payment'
import Reminder from '#dues/models/reminder'
import type AssociationSettings from '#association/models/association_settings'

export type BookkeepingAccounts = Pick<
  AssociationSettings,
  'duesIncomeAccount' | 'feeIncomeAccount' | 'debtorsAccount' | 'bankAccount' | 'vatAccount'
>

export type VoucherKind = 'invoice' | 'credit_note' | 'reminder_fee' | 'payment'

/** One side of a posting: debit positive, credit negative, in øre. */
export type Posting = { account: string; amountOre: number }

/**
 * One line of a day book: the amount goes to the debit of `account` and the
 * credit of `contraAccount`. A negative amount (a credit note) reverses both.
 */
export type BookkeepingLine = { account: string; contraAccount: string; amountOre: number }

export type Voucher = {
  /** A running number in the export, in date order, from the first number asked for. */
  number: number
  date: DateTime
  kind: VoucherKind
  /** The invoice or credit note number the voucher belongs to. */
  documentNumber: string
  text: string
  postings: Posting[]
  lines: BookkeepingLine[]
}

type Draft = Omit<Voucher, 'number' | 'lines'> & { order: number; id: number }

const KIND_ORDER: Record<VoucherKind, number> = {
  invoice: 0,
  credit_note: 0,
  reminder_fee: 1,
  payment: 2,
}

/**
 * The dues in double entry for a date range: each invoice and credit note on
 * its own date, each reminder fee on the day the reminder went, each payment
 * on the day it was paid. Sorted by date, then invoices before the fees and
 * payments of that day, then by document number, and numbered on from
 * `firstNumber`, so the bookkeeper can continue the day book's own series.
 */
export async function getBookkeepingEntries(
  from: DateTime,
  to: DateTime,
  accounts: BookkeepingAccounts,
  firstNumber = 1
): Promise<Voucher[]> {
  const range: [string, string] = [from.toISODate()!, to.toISODate()!]
  const [documents, reminders, payments] = await Promise.all([
    Invoice.query().whereBetween('issue_date', range).preload('organisation'),
    Reminder.query().whereBetween('sent_on', range).where('fee_ore', '>', 0),
    Payment.query().whereBetween('paid_on', range),
  ])
  const related = await invoicesById([...reminders, ...payments].map((row) => row.invoiceId))
  const drafts: Draft[] = [
    ...documents.map((document) => documentVoucher(document, accounts)),
    ...reminders.map((reminder) => {
      const invoice = related.get(reminder.invoiceId)!
      return draft('reminder_fee', reminder.id, reminder.sentOn, invoice, [
        { account: accounts.debtorsAccount, amountOre: reminder.feeOre },
        { account: accounts.feeIncomeAccount, amountOre: -reminder.feeOre },
      ])
    }),
    ...payments.map((payment) => {
      const invoice = related.get(payment.invoiceId)!
      return draft('payment', payment.id, payment.paidOn, invoice, [
        { account: accounts.bankAccount, amountOre: payment.amountOre },
        { account: accounts.debtorsAccount, amountOre: -payment.amountOre },
      ])
    }),
  ]
  drafts.sort(
    (a, b) =>
      a.date.toISODate()!.localeCompare(b.date.toISODate()!) ||
      a.order - b.order ||
      a.documentNumber.localeCompare(b.documentNumber, 'da', { numeric: true }) ||
      a.id - b.id
  )
  return drafts.map(({ order: _order, id: _id, ...rest }, index) => ({
    ...rest,
    number: firstNumber + index,
    lines: linesOf(rest.postings),
  }))
}

async function invoicesById(ids: number[]) {
  const unique = [...new Set(ids)]
  const invoices = unique.length
    ? await Invoice.query().whereIn('id', unique).preload('organisation')
    : []
  return new Map(invoices.map((invoice) => [invoice.id, invoice]))
}

/** Debtors owe the total; income and VAT take their parts. A credit note turns the signs. */
function documentVoucher(document: Invoice, accounts: BookkeepingAccounts): Draft {
  const postings: Posting[] = [
    { account: accounts.debtorsAccount, amountOre: document.signed(document.totalOre) },
    { account: accounts.duesIncomeAccount, amountOre: -document.signed(document.netOre) },
  ]
  if (document.vatOre !== 0) {
    postings.push({ account: accounts.vatAccount, amountOre: -document.signed(document.vatOre) })
  }
  return draft(document.kind, document.id, document.issueDate, document, postings)
}

function draft(
  kind: VoucherKind,
  id: number,
  date: DateTime,
  invoice: Invoice,
  postings: Posting[]
): Draft {
  assertBalanced(postings, `${kind} ${id}`)
  return {
    kind,
    id,
    date,
    order: KIND_ORDER[kind],
    documentNumber: invoice.number,
    text: voucherText(kind, invoice),
    postings,
  }
}

const TEXTS: Record<VoucherKind, string> = {
  invoice: 'Faktura',
  credit_note: 'Kreditnota',
  reminder_fee: 'Rykkergebyr, faktura',
  payment: 'Indbetaling, faktura',
}

function voucherText(kind: VoucherKind, invoice: Invoice) {
  return `${TEXTS[kind]} ${invoice.number} ${invoice.organisation.name}`
}

/**
 * A voucher whose debits and credits differ would be refused by the
 * bookkeeping system, or worse, booked with a difference: stop the export.
 */
export function assertBalanced(postings: Posting[], what: string) {
  const sum = postings.reduce((total, posting) => total + posting.amountOre, 0)
  if (sum !== 0) throw new Error(`The voucher for ${what} is off by ${sum} øre`)
}

/** The first posting against each of the others, as a day book has them. */
function linesOf(postings: Posting[]): BookkeepingLine[] {
  const [main, ...others] = postings
  return others
    .filter((posting) => posting.amountOre !== 0)
    .map((posting) => ({
      account: main.account,
      contraAccount: posting.account,
      amountOre: -posting.amountOre,
    }))
}
