/**
 * An invoice or credit note as its documents show it: everything the PDF
 * and the OIOUBL file need, frozen when it was issued. Money is whole øre;
 * dates are ISO dates (yyyy-MM-dd) in Danish time.
 */
export type InvoiceParty = {
  name: string
  address: string | null
  postcode: string | null
  city: string | null
  /** ISO 3166 alpha-2; always DK for now. */
  country: string
  cvr: string | null
  email: string | null
}

export type InvoiceSeller = InvoiceParty & {
  phone: string | null
  bankRegNo: string | null
  bankAccountNo: string | null
  /** What the buyer writes on the transfer, e.g. the invoice number. */
  paymentReference: string
}

export type InvoiceBuyer = InvoiceParty & {
  /** GLN (EAN location number) of a public buyer: the OIOUBL endpoint. */
  ean: string | null
  /** The buyer's order number or contact person reference (ordrenummer/personreference). */
  reference: string | null
}

export type InvoiceLine = {
  description: string
  quantity: number
  unitOre: number
  amountOre: number
  /** The period the line pays for, when it is one. */
  period: { start: string; end: string } | null
}

export type InvoiceVat = { exempt: true; reason: string } | { exempt: false; ratePercent: number }

/** FI-kort +71: what the payer types in, `+71<paymentId+creditorNo<`. */
export type FikPayment = {
  /** 15 digits encoding the invoice number, the last a check digit. */
  paymentId: string
  /** The association's FI creditor number, 8 digits beginning with 8. */
  creditorNo: string
}

export type InvoiceDocument = {
  kind: 'invoice' | 'credit_note'
  number: string
  issueDate: string
  /** Null on a credit note. */
  dueDate: string | null
  currency: 'DKK'
  seller: InvoiceSeller
  buyer: InvoiceBuyer
  lines: InvoiceLine[]
  vat: InvoiceVat
  netOre: number
  vatOre: number
  totalOre: number
  /** A credit note names the invoice it cancels. */
  creditedInvoice: { number: string; issueDate: string } | null
  note: string | null
  /**
   * Set on an invoice issued while the association had an FI creditor number;
   * absent on credit notes and on invoices issued before there was one.
   */
  fik?: FikPayment | null
}
