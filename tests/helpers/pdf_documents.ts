import { DateTime } from 'luxon'
import BankAccountStatement from '#dues/models/bank_account_statement'
import type { InvoiceDocument, InvoiceLine } from '#dues/documents/invoice_document'
import type { StatementEntryView } from '#dues/queries/statement_entries'
import type { StatementReconciliation } from '#dues/queries/statement_reconciliation'
import type {
  AssemblyBlock,
  AssociationBlock,
  MinutesDocument,
  NoticeDocument,
  RegisterRow,
  VotingRegisterDocument,
} from '#assemblies/documents/assembly_documents'
import { fikPaymentIdFor } from '#dues/rules/fik_payment_id'

/*
 * One of each Kreds PDF, filled as a real association would fill it (long
 * Danish compound words, an e-mail address and an IBAN in narrow places), for
 * the tests that read the documents' structure and standards back.
 */

export const LONG_WORD = 'Kontingentopkrævningsadministrationsgebyr'
export const LONG_EMAIL = 'bogholderiafdelingen.kontingentopkraevning@socialtudviklingscenter.dk'
export const IBAN = 'DK5000400440116243'

export function invoiceLine(description: string, amountOre = 125000): InvoiceLine {
  return { description, quantity: 1, unitOre: amountOre, amountOre, period: null }
}

export function invoiceDocument(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  const lines = overrides.lines ?? [
    {
      ...invoiceLine(`${LONG_WORD} for kommunale medlemsorganisationer`),
      period: { start: '2026-01-01', end: '2026-12-31' },
    },
    invoiceLine(`Betalingsoplysninger sendes til ${LONG_EMAIL}`, 0),
  ]
  const netOre = lines.reduce((sum, line) => sum + line.amountOre, 0)
  return {
    kind: 'invoice',
    number: '2026-0042',
    issueDate: '2026-01-15',
    dueDate: '2026-02-15',
    currency: 'DKK',
    seller: {
      name: 'Social Talks',
      address: 'Nørregade 12',
      postcode: '1165',
      city: 'København K',
      country: 'DK',
      cvr: '12345674',
      email: 'kasserer@socialtalks.dk',
      phone: '12 34 56 78',
      bankRegNo: '1234',
      bankAccountNo: '0001234567',
      paymentReference: 'Faktura 2026-0042',
    },
    buyer: {
      name: 'Aarhus Kommune',
      address: 'Rådhuspladsen 2',
      postcode: '8000',
      city: 'Aarhus C',
      country: 'DK',
      cvr: '55133018',
      email: null,
      ean: '5798005770015',
      reference: 'Ordre 4711',
    },
    vat: { exempt: true, reason: 'Momsfritaget efter momslovens § 13, stk. 1, nr. 4' },
    netOre,
    vatOre: 0,
    totalOre: netOre,
    creditedInvoice: null,
    note: null,
    fik: { paymentId: fikPaymentIdFor('2026-0042'), creditorNo: '81234567' },
    ...overrides,
    lines,
  }
}

const association: AssociationBlock = {
  name: 'Social Talks',
  address: 'Nørregade 12',
  postcode: '1165',
  city: 'København K',
  cvr: '12345674',
  email: 'kontakt@socialtalks.dk',
}

const assembly: AssemblyBlock = {
  title: 'Ordinær generalforsamling 2026 – Vedtægter & valg',
  kind: 'ordinary',
  startsAt: '2026-03-26T19:00:00+01:00',
  place: 'Nørregade 12, København K',
  meetingUrl: null,
  motionDeadline: '2026-03-12',
  requestedBy: null,
}

export function noticeDocument(): NoticeDocument {
  return {
    association,
    assembly,
    agenda: [
      { position: 1, title: 'Valg af dirigent og referent', description: null, motions: [] },
      {
        position: 2,
        title: 'Indkomne forslag',
        description: `Forslag om ${LONG_WORD}.`,
        motions: [
          {
            title: 'Ændring af § 4 om kontingent',
            body: 'Bestyrelsen foreslår, at kontingentet fastsættes af generalforsamlingen.',
            changesStatutes: true,
            submittedBy: 'Bestyrelsen',
          },
        ],
      },
    ],
    sentAt: '2026-02-26T10:00:00+01:00',
  }
}

export function registerRow(organisation: string, present = true): RegisterRow {
  return {
    organisation,
    present,
    representative: present ? 'Mette Kjær' : null,
    proxyTo: null,
    proxiesFrom: [],
    mayVote: true,
    reason: null,
    votes: present ? 1 : 0,
  }
}

export function registerDocument(rows?: RegisterRow[]): VotingRegisterDocument {
  const chosen = rows ?? [
    registerRow(`Landsforeningen for ${LONG_WORD}`),
    registerRow('Socialt Udviklingscenter SUS', false),
  ]
  return {
    association,
    assembly,
    rows: chosen,
    totals: {
      members: chosen.length,
      entitled: chosen.length,
      present: chosen.filter((row) => row.present).length,
      represented: chosen.filter((row) => row.present).length,
      votes: chosen.reduce((sum, row) => sum + row.votes, 0),
    },
    printedAt: '2026-03-26T18:45:00+01:00',
  }
}

export function minutesDocument(): MinutesDocument {
  const signedText = JSON.stringify({ version: 1, text: 'Referat' })
  return {
    association,
    assembly,
    version: 1,
    openedAt: '2026-03-26T19:02:00+01:00',
    closedAt: '2026-03-26T21:10:00+01:00',
    dirigent: 'Søren Bak',
    referent: 'Anne-Marie Østergaard',
    statement: 'Dirigenten konstaterede, at generalforsamlingen var lovligt indkaldt.',
    attendance: registerDocument().rows,
    items: [
      {
        position: 1,
        title: 'Indkomne forslag',
        notes: 'Forslaget blev drøftet.',
        motions: [],
        ballots: [
          {
            question: 'Skal § 4 ændres?',
            secret: false,
            method: 'show_of_hands',
            lines: ['For: 5', 'Imod: 1', 'Blanke: 0', 'Vedtaget'],
          },
        ],
      },
    ],
    signatures: [
      {
        role: 'dirigent',
        name: 'Søren Bak',
        signedAt: '2026-03-27T09:00:00+01:00',
        method: 'login',
      },
      {
        role: 'referent',
        name: 'Anne-Marie Østergaard',
        signedAt: '2026-03-27T10:00:00+01:00',
        method: 'link',
      },
    ],
    seal: { hash: 'a'.repeat(64), signedText },
  }
}

export function reconciliationDocument(): StatementReconciliation {
  const statement = new BankAccountStatement()
  statement.id = 7
  statement.account = IBAN
  statement.format = 'camt.053.001.02'
  statement.bank = 'danske_bank'
  statement.currency = 'DKK'
  statement.fromDate = DateTime.fromISO('2026-01-01')
  statement.toDate = DateTime.fromISO('2026-03-31')
  statement.openingBalanceOre = 100_000
  statement.pendingCount = 0
  const entries: StatementEntryView[] = [
    {
      id: 1,
      line: 1,
      bookingDate: '2026-01-15',
      amountOre: 125000,
      text: `Overførsel ${LONG_WORD} ${LONG_EMAIL}`,
      payerName: 'Aarhus Kommune',
      state: 'matched',
      importedBefore: false,
      matchedBy: null,
      suggestion: null,
      payments: [
        {
          invoiceId: 1,
          invoiceNumber: '2026-0042',
          memberName: 'Aarhus Kommune',
          amountOre: 125000,
          kind: null,
        },
      ],
    },
  ]
  statement.closingBalanceOre = 225_000
  const group = (count: number, ore: number) => ({ count, ore })
  return {
    statement,
    entries,
    movementOre: 125000,
    computedClosingOre: 225_000,
    fileDifferenceOre: 0,
    matched: group(1, 125000),
    sure: group(0, 0),
    toDecide: group(0, 0),
    notDues: group(0, 0),
    debits: group(0, 0),
  } as StatementReconciliation
}
