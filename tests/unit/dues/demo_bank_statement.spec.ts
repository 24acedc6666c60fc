import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { readBankStatement } from '#dues/bank/read_bank_statement'
import { fikPaymentIdFor } from '#dues/rules/fik_payment_id'
import { buildDemoBankStatement, DEMO_IBAN } from '#database/demo/demo_bank_statement'
import { danishIban, isValidIban } from '#shared/iban'

const INVOICES = [
  { number: '2026-0004', openOre: 125_000, organisationName: 'Fri Af Misbrug' },
  { number: '2026-0006', openOre: 510_000, organisationName: 'Metodecentret' },
  { number: '2026-0007', openOre: 1_020_000, organisationName: 'Nordby Kommune' },
  { number: '2026-0008', openOre: 500_000, organisationName: 'Socialt Udviklingscenter SUS' },
  { number: '2026-0009', openOre: 250_000, organisationName: 'LIVSVÆRK & Co' },
  { number: '2026-0010', openOre: 250_000, organisationName: 'De Anbragtes Vilkår' },
  { number: '2026-0011', openOre: 1_000_000, organisationName: 'Dansk Socialrådgiverforening' },
]
const TODAY = DateTime.fromISO('2026-12-04', { zone: 'Europe/Copenhagen' })

/** The remainder of the IBAN's digits by 97, worked out apart from the code under test. */
function mod97(iban: string) {
  const digits = [...`${iban.slice(4)}${iban.slice(0, 4)}`]
    .map((character) => Number.parseInt(character, 36).toString())
    .join('')
  return Number(BigInt(digits) % 97n)
}

async function read(xml: string) {
  return readBankStatement(Buffer.from(xml, 'utf8'), 'kontoudtog-demo.xml')
}

test.group('Demo bank statement', () => {
  test('reads back as camt.053.001.02 whose balances add up', async ({ assert }) => {
    const iban = danishIban('1234', '0012345678')!
    const statement = await read(
      buildDemoBankStatement(INVOICES, TODAY, { iban, ownerName: 'Social Talks' })
    )
    assert.equal(statement.format, 'camt.053.001.02')
    assert.equal(statement.account, iban)
    assert.equal(statement.currency, 'DKK')
    const sum = statement.entries.reduce((total, entry) => total + entry.amountOre, 0)
    assert.isDefined(statement.openingBalanceOre)
    assert.equal(statement.openingBalanceOre! + sum, statement.closingBalanceOre)
    assert.isTrue(statement.entries.every((entry) => entry.status === 'booked'))
    assert.equal(new Set(statement.entries.map((entry) => entry.bankReference)).size, 10)
  })

  test('pays most invoices by FI-kort, one in part, one by number, one by the payer', async ({
    assert,
  }) => {
    const { entries } = await read(buildDemoBankStatement(INVOICES, TODAY))
    const byFik = entries.filter((entry) => entry.reference)
    assert.deepEqual(
      byFik.map((entry) => entry.reference),
      ['2026-0004', '2026-0009', '2026-0010', '2026-0011'].map(fikPaymentIdFor)
    )
    assert.deepEqual(
      byFik.map((entry) => entry.amountOre),
      [125_000, 250_000, 250_000, 1_000_000]
    )
    assert.equal(byFik[1].payerName, 'LIVSVÆRK & Co')

    const partial = entries.find((entry) => entry.text.includes('2026-0006'))!
    assert.equal(partial.amountOre, 255_000)
    assert.isBelow(partial.amountOre, INVOICES[1].openOre)

    const byPayer = entries.find((entry) => entry.payerName === 'NORDBY KOMMUNE')!
    assert.equal(byPayer.amountOre, 1_020_000)
    assert.notMatch(byPayer.text, /\d/)

    const byNumber = entries.find((entry) => entry.text === 'Kontingent 2026-0008')!
    assert.equal(byNumber.amountOre, 500_000)
    assert.isUndefined(byNumber.reference)
  })

  test('a grant that is no dues, and debits that are negative', async ({ assert }) => {
    const { entries } = await read(buildDemoBankStatement(INVOICES, TODAY))
    const grant = entries.find((entry) => entry.text === 'Tilskud fra puljen')!
    assert.isAbove(grant.amountOre, 0)
    assert.isUndefined(grant.reference)
    assert.notInclude(
      INVOICES.map((invoice) => invoice.organisationName),
      grant.payerName ?? ''
    )
    const debits = entries.filter((entry) => entry.amountOre < 0)
    assert.deepEqual(
      debits.map((entry) => entry.text),
      ['Husleje december 2026', 'Gebyr']
    )
  })

  test('entries fall on the days before today, never before the invoices', async ({ assert }) => {
    const { entries, from, to } = await read(buildDemoBankStatement(INVOICES, TODAY))
    const dates = entries.map((entry) => entry.bookingDate)
    assert.deepEqual([from, to], ['2026-11-30', '2026-12-03'])
    assert.isTrue(dates.every((date) => date >= '2026-11-30' && date < '2026-12-04'))
    assert.deepEqual(dates, [...dates].sort())

    const issuedYesterday = DateTime.fromISO('2026-12-03')
    const late = await read(buildDemoBankStatement(INVOICES, TODAY, undefined, issuedYesterday))
    assert.isTrue(late.entries.every((entry) => ['2026-12-03'].includes(entry.bookingDate)))
  })

  test('a Danish IBAN from registration and account number has valid check digits', ({
    assert,
  }) => {
    const iban = danishIban('1234', '12345678')!
    assert.match(iban, /^DK\d{2}12340012345678$/)
    assert.equal(mod97(iban), 1)
    assert.isTrue(isValidIban(iban))
    assert.equal(mod97(DEMO_IBAN), 1)
    assert.equal(danishIban('0040', '440116243'), 'DK5000400440116243')
    assert.isFalse(isValidIban('DK5100400440116243'))
    assert.isNull(danishIban('12', '1'))
  })
})
