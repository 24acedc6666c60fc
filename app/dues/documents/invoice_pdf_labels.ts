import { formatKroner } from '#shared/formatting'
import type { InvoiceDocument } from '#dues/documents/invoice_document'

type Kind = InvoiceDocument['kind']

/** Every word the invoice PDF prints, in one place so an English variant can sit beside it. */
export const LABELS = {
  title: { invoice: 'Faktura', credit_note: 'Kreditnota' } satisfies Record<Kind, string>,
  number: { invoice: 'Fakturanr.', credit_note: 'Kreditnotanr.' } satisfies Record<Kind, string>,
  issueDate: { invoice: 'Fakturadato', credit_note: 'Kreditnotadato' } satisfies Record<
    Kind,
    string
  >,
  dueDate: 'Forfaldsdato',
  credits: (number: string, date: string) => `Krediterer faktura ${number} af ${date}`,
  cvr: 'CVR-nr.',
  ean: 'EAN-nr.',
  reference: 'Reference:',
  phone: 'Tlf.',
  columns: { description: 'Beskrivelse', quantity: 'Antal', unit: 'Pris', amount: 'Beløb' },
  period: (start: string, end: string) => `Periode: ${start} – ${end}`,
  subtotal: 'Subtotal',
  vat: (ratePercent: string) => `Moms ${ratePercent} %`,
  vatExempt: 'Moms',
  total: 'I alt',
  payment: 'Betaling',
  payBy: (date: string) => `Betales senest ${date}`,
  toAccount: (regNo: string, accountNo: string) => ` til reg.nr. ${regNo} konto ${accountNo}`,
  payReference: (reference: string) => `Angiv ved betaling: ${reference}`,
  payByFik: 'med FI-kort (indbetalingskort) som vist nederst',
  orToAccount: (regNo: string, accountNo: string, reference: string) =>
    `Eller overfør til reg.nr. ${regNo} konto ${accountNo} og angiv: ${reference}.`,
  fikSlip: 'Indbetalingskort (FI-kort)',
  fikExplained: (amount: string) =>
    `Betal ${amount} i netbanken under »Betal indbetalingskort«: indtast linjen herunder.`,
  filename: { invoice: 'faktura', credit_note: 'kreditnota' } satisfies Record<Kind, string>,
}

/**
 * A credit note goes the other way, so its amounts print negative, as they
 * count in the books; Kreds stores them positive, as OIOUBL's CreditNote
 * wants them. A document that already holds them negative is shown as it is.
 */
export function amountFormatter(document: InvoiceDocument) {
  const flip = document.kind === 'credit_note' && document.totalOre > 0
  return (ore: number) => formatKroner(flip ? -ore || 0 : ore)
}
