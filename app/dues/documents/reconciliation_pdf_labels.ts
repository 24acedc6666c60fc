import type { BankName } from '#dues/bank/bank_statement'
import type { MatchedBy } from '#dues/models/booked_bank_entry'
import type { StatementEntryView } from '#dues/queries/statement_entries'

/** The four groups a statement's movement is explained by, in the order the report lists them. */
export const ENTRY_GROUPS = ['matched', 'open', 'not_dues', 'debit'] as const

export type EntryGroup = (typeof ENTRY_GROUPS)[number]

/**
 * The group an entry counts in; null for a reserved (pending) row, which the
 * bank has not booked and which is therefore no part of the movement.
 */
export function groupOf(entry: StatementEntryView): EntryGroup | null {
  return entry.state === 'pending' ? null : entry.state
}

const postings = (count: number) => (count === 1 ? '1 postering' : `${count} posteringer`)

/** Every word the reconciliation report prints, in one place so an English variant can sit beside it. */
export const LABELS = {
  title: 'Bankafstemning',
  cvr: 'CVR-nr.',
  facts: {
    account: 'Konto',
    bank: 'Bank',
    period: 'Periode',
    currency: 'Valuta',
    printedAt: 'Udskrevet',
  },
  unknownAccount: 'ukendt konto',
  notStated: 'ikke oplyst',
  period: (from: string, to: string) => `${from} – ${to}`,
  // A mapped CSV names no bank, so none is printed rather than a guess.
  banks: {
    danske_bank: 'Danske Bank',
    nordea: 'Nordea',
    jyske_bank: 'Jyske Bank',
    mapped: null,
  } satisfies Record<BankName, string | null>,
  summary: {
    heading: 'Saldo',
    columns: { item: 'Post', amount: 'Beløb' },
    opening: 'Primo saldo (bankens)',
    movement: 'Bevægelser i alt',
    computedClosing: 'Beregnet ultimo saldo',
    closing: 'Ultimo saldo (bankens)',
    difference: 'Difference',
    cannotCompute: 'kan ikke beregnes',
    differenceExplained: 'Udtoget mangler posteringer eller er ufuldstændigt',
    noBalances:
      'Udtoget oplyser ikke både primo og ultimo saldo, så bevægelserne kan ikke afstemmes mod bankens saldi.',
    pending: (count: number) =>
      `Udtoget viser desuden ${postings(count)} reserveret af banken, men ikke bogført; de indgår ikke.`,
  },
  movement: {
    heading: 'Bevægelserne forklaret',
    columns: { group: 'Gruppe', count: 'Antal', amount: 'Beløb' },
    total: 'I alt = bevægelser i alt',
    totalDiffers: 'I alt',
    gap: 'Forskel til bevægelser i alt',
  },
  groups: {
    matched: 'Betalinger af kontingent (afstemt)',
    open: 'Afventer afgørelse',
    not_dues: 'Ikke kontingent',
    debit: 'Hævninger/udbetalinger',
  } satisfies Record<EntryGroup, string>,
  entries: {
    heading: 'Posteringer',
    groupHeading: (group: string, count: number, amount: string) =>
      `${group} – ${postings(count)}, ${amount}`,
    columns: { date: 'Dato', text: 'Tekst', detail: 'Faktura og medlem', amount: 'Beløb' },
    none: 'Ingen posteringer.',
    invoice: (number: string, member: string) => `Faktura ${number} · ${member}`,
    share: (amount: string) => ` (${amount})`,
    matchedBy: (how: string) => `Afstemt ved ${how}`,
    suggestion: (how: string) => `Forslag ud fra ${how}:`,
    payer: (name: string) => `Betaler: ${name}`,
    importedBefore: 'Også i et tidligere indlæst udtog',
  },
  matchedBy: {
    fik_payment_id: 'FI-betalings-id',
    invoice_number: 'fakturanummer i teksten',
    amount_and_payer: 'beløb og betaler',
    treasurer: 'kassererens valg',
  } satisfies Record<MatchedBy, string>,
  filename: 'bankafstemning',
}
