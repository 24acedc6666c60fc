import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import type { BankEntry } from '#dues/bank/bank_statement'
import { invoiceNumberKeysInText } from '#dues/bank/payment_evidence'
import { readBankStatement } from '#dues/bank/read_bank_statement'
import {
  suggestMatches,
  type EntryMatch,
  type OpenInvoiceForMatching,
} from '#dues/bank/match_bank_entries'
import { fikPaymentIdFor } from '#dues/rules/fik_payment_id'

function invoice(id: number, number: string, organisationId: number, openOre: number) {
  return {
    id,
    number,
    organisationId,
    organisationName: `Org ${organisationId}`,
    amountOre: openOre,
    openOre,
    fikPaymentId: fikPaymentIdFor(number),
  } satisfies OpenInvoiceForMatching
}

const INVOICES = [
  invoice(12, '2026-0012', 1, 125_000),
  invoice(13, '2026-0013', 2, 250_000),
  invoice(15, '2026-0015', 3, 150_000),
  invoice(16, '2026-0016', 3, 225_000),
  invoice(17, '2026-0017', 4, 80_000),
  invoice(18, '2026-0018', 5, 60_000),
  invoice(19, '2026-0019', 5, 60_000),
]
const MEMBERS = [
  { id: 1, name: 'Grønne Hjerter' },
  { id: 2, name: 'Aarhus Kommune' },
  { id: 3, name: 'Foreningen Lys' },
  { id: 4, name: 'Sydhavn Kulturhus ApS' },
  { id: 5, name: 'Dobbelt Forening' },
]

let line = 0
function credit(amountOre: number, text: string, more: Partial<BankEntry> = {}): BankEntry {
  line++
  return {
    line,
    bookingDate: '2026-03-02',
    amountOre,
    currency: 'DKK',
    text,
    status: 'booked',
    fingerprint: `f${line}`,
    ...more,
  }
}

const match = (...entries: BankEntry[]) => suggestMatches(entries, INVOICES, MEMBERS)

function suggestion(result: EntryMatch) {
  if (result.outcome !== 'suggested')
    throw new Error(`expected a suggestion, got ${result.outcome}`)
  return result
}

const allocated = (result: EntryMatch) =>
  suggestion(result).allocations.map((a) => [a.invoiceNumber, a.amountOre, a.kind])

test.group('Matching bank entries: FI-kort payment ID', () => {
  test('the structured reference is sure, whatever the text says', ({ assert }) => {
    const [result] = match(credit(125_000, 'Faktura 2026-0013', { reference: '000000202600128' }))
    assert.deepInclude(suggestion(result), {
      reason: { code: 'fik_payment_id', paymentId: '000000202600128' },
      certainty: 'sure',
    })
    assert.deepEqual(allocated(result), [['2026-0012', 125_000, 'full']])
  })

  test('a 15-digit ID in the text counts only with a valid check digit', ({ assert }) => {
    const [valid, wrongDigit] = match(
      credit(250_000, 'Betaling 000000202600136 tak'),
      credit(250_000, 'Betaling 000000202600137 tak')
    )
    assert.equal(suggestion(valid).reason.code, 'fik_payment_id')
    assert.deepEqual(allocated(valid), [['2026-0013', 250_000, 'full']])
    assert.equal(wrongDigit.outcome, 'unmatched')
  })

  test('less than open is partial, more is over, both still sure', ({ assert }) => {
    const [partial, over] = match(
      credit(50_000, '', { reference: '000000202600128' }),
      credit(300_000, '', { reference: '000000202600136' })
    )
    assert.equal(suggestion(partial).certainty, 'sure')
    assert.deepEqual(allocated(partial), [['2026-0012', 50_000, 'partial']])
    assert.deepEqual(allocated(over), [['2026-0013', 300_000, 'over']])
  })
})

test.group('Matching bank entries: a batch of card payments', () => {
  test('each payment of a booked batch pays its own invoice', async ({ assert }) => {
    const file = await readFile(
      new URL('../../fixtures/bank/camt053_001_02_fik_batch.xml', import.meta.url)
    )
    const statement = await readBankStatement(file, 'batch.xml')
    const results = suggestMatches(statement.entries, INVOICES, MEMBERS)
    assert.deepEqual(
      results.map((result) => [suggestion(result).certainty, ...allocated(result)[0]]),
      [
        ['sure', '2026-0015', 150_000, 'full'],
        ['sure', '2026-0016', 225_000, 'full'],
      ]
    )
  })
})

test.group('Matching bank entries: invoice number in the text', () => {
  test('the forms payers write are read; credit notes, dates and longer numbers are not', ({
    assert,
  }) => {
    assert.deepEqual(invoiceNumberKeysInText('Faktura 2026-0012'), ['2026-12'])
    assert.deepEqual(invoiceNumberKeysInText('fakt. 2026-12'), ['2026-12'])
    assert.deepEqual(invoiceNumberKeysInText('Fakturanr: 2026/0012.'), ['2026-12'])
    assert.deepEqual(invoiceNumberKeysInText('2026-0015,2026-0016'), ['2026-15', '2026-16'])
    assert.deepEqual(invoiceNumberKeysInText('Kreditnota K2026-0012'), [])
    assert.deepEqual(invoiceNumberKeysInText('Betalt 2026-03-02'), [])
    assert.deepEqual(invoiceNumberKeysInText('Konto 12026-0012'), [])
    assert.deepEqual(invoiceNumberKeysInText('Ordre 1999-0012'), [])
  })

  test('the number with the open amount is sure; another amount is likely', ({ assert }) => {
    const [exact, short] = match(
      credit(125_000, 'Kontingent fakt. 2026-12'),
      credit(100_000, 'Faktura 2026-0013')
    )
    assert.deepInclude(suggestion(exact), {
      reason: { code: 'invoice_number', invoiceNumbers: ['2026-0012'] },
      certainty: 'sure',
    })
    assert.deepInclude(suggestion(short), { certainty: 'likely' })
    assert.deepEqual(allocated(short), [['2026-0013', 100_000, 'partial']])
  })

  test('one transfer for two invoices whose open amounts add up is a sure split', ({ assert }) => {
    const [split] = match(credit(375_000, 'Faktura 2026-0015 og 2026-0016'))
    assert.deepInclude(suggestion(split), {
      reason: { code: 'invoice_number', invoiceNumbers: ['2026-0015', '2026-0016'] },
      certainty: 'sure',
    })
    assert.deepEqual(allocated(split), [
      ['2026-0015', 150_000, 'full'],
      ['2026-0016', 225_000, 'full'],
    ])
  })

  test('a split that does not add up is only possible, filled in the payer’s order', ({
    assert,
  }) => {
    const [split] = match(credit(200_000, 'Faktura 2026-0015 og 2026-0016'))
    assert.equal(suggestion(split).certainty, 'possible')
    assert.deepEqual(allocated(split), [
      ['2026-0015', 150_000, 'full'],
      ['2026-0016', 50_000, 'partial'],
    ])
  })
})

test.group('Matching bank entries: amount and payer', () => {
  test('the open amount from a payer named as a member is likely', ({ assert }) => {
    const [result] = match(credit(80_000, 'Overførsel', { payerName: 'SYDHAVN KULTURHUS' }))
    assert.deepInclude(suggestion(result), {
      reason: {
        code: 'amount_and_payer',
        payerName: 'SYDHAVN KULTURHUS',
        memberName: 'Sydhavn Kulturhus ApS',
        by: 'same_name',
      },
      certainty: 'likely',
    })
    assert.deepEqual(allocated(result), [['2026-0017', 80_000, 'full']])
  })

  test('the member’s name found only in the text is possible', ({ assert }) => {
    const [result] = match(credit(125_000, 'Indbetaling Grønne Hjerter ApS kontingent'))
    assert.deepInclude(suggestion(result), { certainty: 'possible' })
    assert.deepInclude(suggestion(result).reason, { code: 'amount_and_payer', by: 'name_in_text' })
  })

  test('another amount, or a member with two open invoices, is left unmatched', ({ assert }) => {
    const results = match(
      credit(79_900, '', { payerName: 'Sydhavn Kulturhus' }),
      credit(60_000, '', { payerName: 'Dobbelt Forening' })
    )
    assert.deepEqual(
      results.map((result) => result.outcome),
      ['unmatched', 'unmatched']
    )
  })
})

test.group('Matching bank entries: what is left alone', () => {
  test('debits and pending entries are ignored, an unknown credit is unmatched', ({ assert }) => {
    const results = match(
      credit(-125_000, 'Faktura 2026-0012'),
      credit(125_000, 'Faktura 2026-0012', { status: 'pending' }),
      credit(4_200, 'Renter')
    )
    assert.deepEqual(
      results.map((result) => [result.outcome, 'because' in result ? result.because : null]),
      [
        ['ignored', 'debit'],
        ['ignored', 'pending'],
        ['unmatched', null],
      ]
    )
  })

  test('an invoice paid in full by an earlier entry is not offered again', ({ assert }) => {
    const [first, again, byNumber] = match(
      credit(125_000, '', { reference: '000000202600128' }),
      credit(125_000, '', { reference: '000000202600128' }),
      credit(125_000, 'Faktura 2026-0012', { payerName: 'Grønne Hjerter' })
    )
    assert.deepEqual(allocated(first), [['2026-0012', 125_000, 'full']])
    assert.equal(again.outcome, 'unmatched')
    assert.equal(byNumber.outcome, 'unmatched')
  })

  test('a part payment leaves the rest open for the next entry', ({ assert }) => {
    const [part, rest] = match(
      credit(25_000, 'Faktura 2026-0012'),
      credit(100_000, 'Resten af faktura 2026-0012')
    )
    assert.deepEqual(allocated(part), [['2026-0012', 25_000, 'partial']])
    assert.deepEqual(allocated(rest), [['2026-0012', 100_000, 'full']])
    assert.equal(suggestion(rest).certainty, 'sure')
  })

  test('a statement read from a bank’s file is matched entry by entry', async ({ assert }) => {
    const file = await readFile(
      new URL('../../fixtures/bank/camt053_001_02_danske.xml', import.meta.url)
    )
    const statement = await readBankStatement(file, 'konto.xml')
    const results = suggestMatches(statement.entries, INVOICES, MEMBERS)
    assert.deepEqual(
      results.map((r) => (r.outcome === 'suggested' ? [r.reason.code, r.certainty] : r.outcome)),
      [['fik_payment_id', 'sure'], ['invoice_number', 'sure'], 'ignored', 'ignored']
    )
  })
})
