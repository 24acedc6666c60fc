import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import BankAccountStatement from '#dues/models/bank_account_statement'
import type { StatementEntryView } from '#dues/queries/statement_entries'
import type { StatementReconciliation } from '#dues/queries/statement_reconciliation'
import { renderReconciliationPdf } from '#dues/documents/reconciliation_pdf'
import { PDF_TOOLS, layoutPages, qpdfCheck } from '#tests/helpers/poppler'
import { databaseFree } from '#tests/helpers/database_free'

const association = { name: 'Social Talks', cvr: '12345674' }
const printedAt = DateTime.fromISO('2026-04-02T10:15:00', { zone: 'Europe/Copenhagen' })

function statement(fields: Partial<BankAccountStatement> = {}) {
  const made = new BankAccountStatement()
  made.id = 7
  made.account = 'DK5000400440116243'
  made.format = 'camt.053.001.02'
  made.bank = 'danske_bank'
  made.currency = 'DKK'
  made.fromDate = DateTime.fromISO('2026-01-01')
  made.toDate = DateTime.fromISO('2026-03-31')
  made.openingBalanceOre = 100_000
  made.closingBalanceOre = null
  made.pendingCount = 0
  Object.assign(made, fields)
  return made
}

function entry(line: number, fields: Partial<StatementEntryView>): StatementEntryView {
  return {
    id: line,
    line,
    bookingDate: '2026-01-15',
    amountOre: 0,
    text: '',
    payerName: null,
    state: 'open',
    importedBefore: false,
    matchedBy: null,
    suggestion: null,
    payments: [],
    ...fields,
  }
}

const invoice = (invoiceNumber: string, memberName: string, amountOre: number) => ({
  invoiceId: 1,
  invoiceNumber,
  memberName,
  amountOre,
  kind: null,
})

/** The query's arithmetic, so a statement built here is reconciled as the app would. */
function reconcile(
  bank: BankAccountStatement,
  entries: StatementEntryView[],
  closing: 'balances' | number | null = 'balances'
): StatementReconciliation {
  const group = (keep: (entry: StatementEntryView) => boolean) => {
    const chosen = entries.filter(keep)
    return { count: chosen.length, ore: chosen.reduce((sum, one) => sum + one.amountOre, 0) }
  }
  const movementOre = entries.reduce((sum, one) => sum + one.amountOre, 0)
  const computed = bank.openingBalanceOre === null ? null : bank.openingBalanceOre + movementOre
  bank.closingBalanceOre = closing === 'balances' ? computed : closing
  return {
    statement: bank,
    entries,
    movementOre,
    computedClosingOre: computed,
    fileDifferenceOre:
      computed === null || bank.closingBalanceOre === null
        ? null
        : bank.closingBalanceOre - computed,
    matched: group((one) => one.state === 'matched'),
    sure: group((one) => one.state === 'open' && one.suggestion?.certainty === 'sure'),
    toDecide: group((one) => one.state === 'open' && one.suggestion?.certainty !== 'sure'),
    notDues: group((one) => one.state === 'not_dues'),
    debits: group((one) => one.state === 'debit'),
  }
}

const quarter = [
  entry(1, {
    text: 'FI-indbetaling +71<000000000420012',
    amountOre: 125_000,
    state: 'matched',
    matchedBy: 'fik_payment_id',
    payments: [invoice('2026-0042', 'Aarhus Kommune', 125_000)],
  }),
  entry(2, {
    bookingDate: '2026-02-03',
    text: 'Kontingent 2026-0043 og 2026-0044',
    payerName: 'Odense Kommune',
    amountOre: 250_000,
    state: 'matched',
    matchedBy: 'invoice_number',
    payments: [
      invoice('2026-0043', 'Odense Kommune', 125_000),
      invoice('2026-0044', 'Odense Ungdomsskole', 125_000),
    ],
  }),
  entry(3, {
    text: 'Overførsel fra Vejle',
    amountOre: 75_000,
    state: 'matched',
    matchedBy: 'treasurer',
    payments: [invoice('2026-0045', 'Vejle Kommune', 75_000)],
  }),
  entry(4, {
    text: 'Indbetaling Kolding',
    payerName: 'Kolding Kommune',
    amountOre: 125_000,
    state: 'open',
    suggestion: {
      certainty: 'likely',
      reason: {
        code: 'amount_and_payer',
        payerName: 'Kolding Kommune',
        memberName: 'Kolding Kommune',
        by: 'same_name',
      },
      allocations: [{ ...invoice('2026-0046', 'Kolding Kommune', 125_000), kind: 'full' }],
    } as StatementEntryView['suggestion'],
  }),
  entry(5, { text: 'Ukendt indbetaling', amountOre: 10_000, state: 'open' }),
  entry(6, { text: 'Tilskud fra fonden', amountOre: 50_000, state: 'not_dues' }),
  entry(7, { text: 'Gebyr for netbank', amountOre: -19_995, state: 'debit' }),
]

/** One string per page with runs of spaces squeezed, so a label and its value read as one line. */
async function readPages(pdf: Buffer) {
  await qpdfCheck(pdf)
  return (await layoutPages(pdf)).map((page) => page.replace(/[ \t]+/g, ' '))
}

test.group('Bank reconciliation PDF', (group) => {
  databaseFree(group)
  test('a statement that balances: the bank’s figures, the movement explained and each entry', async ({
    assert,
  }) => {
    const pdf = await renderReconciliationPdf(
      reconcile(statement(), quarter),
      association,
      printedAt
    )
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-')
    const text = (await readPages(pdf)).join('\n')

    assert.include(text, 'Bankafstemning')
    assert.include(text, 'Social Talks')
    assert.include(text, 'CVR-nr. 12345674')
    assert.match(text, /Konto DK5000400440116243/)
    assert.match(text, /Bank Danske Bank/)
    assert.include(text, 'Periode 1. januar 2026 – 31. marts 2026')
    assert.include(text, 'Udskrevet 2. april 2026 kl. 10.15')

    // Movement 6.150,05 kr.: 4.500,00 paid, 1.350,00 waiting, 500,00 no dues, -199,95 out.
    assert.match(text, /Primo saldo \(bankens\) 1\.000,00 kr\./)
    assert.match(text, /Bevægelser i alt 6\.150,05 kr\./)
    assert.match(text, /Beregnet ultimo saldo 7\.150,05 kr\./)
    assert.match(text, /Ultimo saldo \(bankens\) 7\.150,05 kr\./)
    assert.match(text, /Difference 0,00 kr\./)
    assert.notInclude(text, 'Udtoget mangler posteringer')

    assert.match(text, /Betalinger af kontingent \(afstemt\) 3 4\.500,00 kr\./)
    assert.match(text, /Afventer afgørelse 2 1\.350,00 kr\./)
    assert.match(text, /Ikke kontingent 1 500,00 kr\./)
    assert.match(text, /Hævninger\/udbetalinger 1 -199,95 kr\./)
    assert.match(text, /I alt = bevægelser i alt 7 6\.150,05 kr\./)

    assert.match(text, /15\. januar 2026 FI-indbetaling .*1\.250,00 kr\./)
    assert.include(text, 'Faktura 2026-0042 · Aarhus Kommune')
    assert.include(text, 'Afstemt ved FI-betalings-id')
    // A split names each invoice with its share; the column wraps a long member name.
    assert.include(text, 'Faktura 2026-0044 · Odense')
    assert.include(text, 'Ungdomsskole (1.250,00 kr.)')
    assert.include(text, 'Afstemt ved fakturanummer i teksten')
    assert.include(text, 'Afstemt ved kassererens valg')
    assert.include(text, 'Forslag ud fra beløb og betaler:')
    assert.include(text, 'Faktura 2026-0046 · Kolding Kommune')
    assert.match(text, /Gebyr for netbank .*-199,95 kr\./)
    assert.include(text, 'Ikke kontingent – 1 postering, 500,00 kr.')
    assert.include(text, 'Side 1 af')
  }).skip(PDF_TOOLS.skip, PDF_TOOLS.reason)

  test('a statement missing entries shows the difference and says why', async ({ assert }) => {
    const reconciliation = reconcile(statement({ pendingCount: 2 }), quarter, 680_005)
    const text = (
      await readPages(await renderReconciliationPdf(reconciliation, association, printedAt))
    ).join('\n')

    assert.match(text, /Ultimo saldo \(bankens\) 6\.800,05 kr\./)
    assert.match(text, /Difference -350,00 kr\./)
    assert.include(text, 'Udtoget mangler posteringer eller er ufuldstændigt')
    assert.include(text, '2 posteringer reserveret af banken')
  }).skip(PDF_TOOLS.skip, PDF_TOOLS.reason)

  test('no account and no balances: said plainly, nothing computed', async ({ assert }) => {
    const bank = statement({ account: '', bank: 'mapped', openingBalanceOre: null, fromDate: null })
    const reconciliation = reconcile(bank, quarter.slice(6), null)
    const text = (
      await readPages(
        await renderReconciliationPdf(reconciliation, { name: 'Social Talks' }, printedAt)
      )
    ).join('\n')

    assert.match(text, /Konto ukendt konto/)
    assert.include(text, 'Periode ikke oplyst – 31. marts 2026')
    assert.match(text, /Primo saldo \(bankens\) ikke oplyst/)
    assert.match(text, /Beregnet ultimo saldo kan ikke beregnes/)
    assert.match(text, /Difference kan ikke beregnes/)
    assert.include(text.replace(/\s+/g, ' '), 'kan ikke afstemmes mod bankens saldi')
    assert.notInclude(text, 'CVR-nr.')
    assert.include(text, 'Betalinger af kontingent (afstemt) – 0 posteringer, 0,00 kr.')
    assert.include(text, 'Ingen posteringer.')
  }).skip(PDF_TOOLS.skip, PDF_TOOLS.reason)

  test('300 entries run over several pages, each with the column headings and its number', async ({
    assert,
  }) => {
    const entries = Array.from({ length: 300 }, (_, index) => {
      const line = index + 1
      const name = `Medlem ${String(line).padStart(3, '0')}`
      return line % 10 === 0
        ? entry(line, { text: `Udbetaling ${line}`, amountOre: -5_000, state: 'debit' })
        : entry(line, {
            text: `Kontingent fra ${name}`,
            amountOre: 125_000,
            state: 'matched',
            matchedBy: 'invoice_number',
            payments: [invoice(`2026-${String(line).padStart(4, '0')}`, name, 125_000)],
          })
    })
    const pdf = await renderReconciliationPdf(
      reconcile(statement(), entries),
      association,
      printedAt
    )
    const pages = await readPages(pdf)

    assert.isAbove(pages.length, 2)
    pages.forEach((page, index) => {
      assert.include(page, `Side ${index + 1} af ${pages.length}`)
      // Every page after the first continues the entry list under its headings.
      if (index > 0) assert.match(page, /Dato Tekst Faktura og medlem Beløb/)
    })
    const text = pages.join('\n')
    for (const one of entries) assert.include(text, one.text)
    assert.match(text, /Betalinger af kontingent \(afstemt\) 270 337\.500,00 kr\./)
    assert.match(text, /Hævninger\/udbetalinger 30 -1\.500,00 kr\./)
    assert.match(text, /I alt = bevægelser i alt 300 336\.000,00 kr\./)
  }).skip(PDF_TOOLS.skip, PDF_TOOLS.reason)
})
