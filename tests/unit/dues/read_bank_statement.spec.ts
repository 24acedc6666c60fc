import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import { readBankStatement } from '#dues/bank/read_bank_statement'

const fixture = (name: string) => readFile(new URL(`../../fixtures/bank/${name}`, import.meta.url))
const read = async (name: string) => readBankStatement(await fixture(name), name)

test.group('Bank statements: camt.053', () => {
  test('001.02 from the namespace, with balances, references and a pending entry', async ({
    assert,
  }) => {
    const statement = await read('camt053_001_02_danske.xml')
    assert.equal(statement.format, 'camt.053.001.02')
    assert.equal(statement.account, 'DK5030000012345678')
    assert.equal(statement.currency, 'DKK')
    assert.equal(statement.openingBalanceOre, 1_000_000)
    assert.equal(statement.closingBalanceOre, 1_343_750)
    assert.deepEqual([statement.from, statement.to], ['2026-03-02', '2026-03-05'])
    const [fik, text, fee, pending] = statement.entries
    assert.deepInclude(fik, {
      line: 1,
      bookingDate: '2026-03-02',
      valueDate: '2026-03-02',
      amountOre: 125_000,
      currency: 'DKK',
      text: 'Indbetalingskort 71',
      payerName: 'Grønne Hjerter ApS',
      reference: '000000202600128',
      bankReference: 'DB2026030200017',
      status: 'booked',
    })
    assert.deepInclude(text, {
      amountOre: 250_000,
      text: 'Kontingent faktura 2026-0013',
      payerName: 'Aarhus Kommune',
    })
    assert.isUndefined(text.reference)
    assert.deepInclude(fee, { amountOre: -31_250, text: 'Gebyr betalingsservice' })
    assert.deepInclude(pending, { amountOre: 100_000, status: 'pending' })
  })

  test('001.08 with Sts/Cd, Pty/Nm, a date-time, a +71 line in Ustrd and a debit opening', async ({
    assert,
  }) => {
    const statement = await read('camt053_001_08_nordea.xml')
    assert.equal(statement.format, 'camt.053.001.08')
    assert.equal(statement.account, '20001234567890')
    assert.equal(statement.openingBalanceOre, -25_000)
    assert.equal(statement.closingBalanceOre, 473_456)
    const [structured, codeLine, debit, pending] = statement.entries
    assert.deepInclude(structured, {
      bookingDate: '2026-03-09',
      amountOre: 123_456,
      payerName: 'Foreningen Lys',
      reference: '000000202600144',
      status: 'booked',
    })
    assert.deepInclude(codeLine, {
      text: '+71<000000202600151+81234567< / Overførsel & kontingent',
      payerName: 'Ærø Kommune',
      reference: '000000202600151',
    })
    assert.equal(debit.amountOre, -25_000)
    assert.deepInclude(pending, { amountOre: -7_500, status: 'pending' })
  })
})

test.group('Bank statements: camt.053 encodings', () => {
  test('a statement declared ISO-8859-1 reads its æøå; an unknown encoding is refused', async ({
    assert,
  }) => {
    const utf8 = (await fixture('camt053_001_02_danske.xml')).toString('utf8')
    const latin1 = Buffer.from(utf8.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1')
    const statement = await readBankStatement(latin1, 'konto.xml')
    assert.equal(statement.entries[0].payerName, 'Grønne Hjerter ApS')
    const ebcdic = Buffer.from(utf8.replace('encoding="UTF-8"', 'encoding="IBM037"'))
    await assert.rejects(() => readBankStatement(ebcdic, 'konto.xml'), /IBM037/)
  })
})

test.group('Bank statements: a batch of card payments', () => {
  test('one entry with a TxDtls per payer becomes one entry per payment', async ({ assert }) => {
    const statement = await read('camt053_001_02_fik_batch.xml')
    assert.deepEqual(
      statement.entries.map((entry) => [
        entry.amountOre,
        entry.reference,
        entry.payerName,
        entry.bankReference,
        entry.text,
      ]),
      [
        [
          150_000,
          '000000202600151',
          'Foreningen Lys',
          'DB2026031000002-1',
          'Indbetalingskort 71 samlet',
        ],
        [
          225_000,
          '000000202600169',
          'Foreningen Lys',
          'DB2026031000002-2',
          'Indbetalingskort 71 samlet',
        ],
      ]
    )
  })

  test('a batch whose parts do not add up stays one entry', async ({ assert }) => {
    const file = await fixture('camt053_001_02_fik_batch.xml')
    const changed = Buffer.from(file.toString('utf8').replace('2250.00', '2249.00'))
    const statement = await readBankStatement(changed, 'batch.xml')
    assert.lengthOf(statement.entries, 1)
    assert.deepInclude(statement.entries[0], {
      amountOre: 375_000,
      bankReference: 'DB2026031000002',
    })
  })
})

test.group('Bank statements: CSV exports', () => {
  test('Danske Bank in Windows-1252 with a reserved row and two identical transfers', async ({
    assert,
  }) => {
    const statement = await read('danske_bank.csv')
    assert.deepInclude(statement, { format: 'csv', bank: 'danske_bank', currency: 'DKK' })
    assert.equal(statement.openingBalanceOre, 1_000_000)
    assert.equal(statement.closingBalanceOre, 2_276_111)
    const entries = statement.entries
    assert.deepInclude(entries[0], {
      line: 2,
      bookingDate: '2026-03-02',
      amountOre: 125_000,
      text: 'Indbetaling Grønne Hjerter ApS faktura 2026-0012',
      status: 'booked',
    })
    assert.equal(entries[1].amountOre, 1_234_567)
    assert.equal(entries[1].text, 'Overførsel Ærø Kommune')
    assert.equal(entries[2].amountOre, -123_456)
    assert.deepInclude(entries[5], { amountOre: 50_000, status: 'pending' })
    assert.notEqual(entries[3].fingerprint, entries[4].fingerprint)
  })

  test('Nordea in UTF-8 with a BOM, YYYY/MM/DD, newest first and a reserved row', async ({
    assert,
  }) => {
    const statement = await read('nordea.csv')
    assert.equal(statement.bank, 'nordea')
    assert.equal(statement.currency, 'DKK')
    assert.equal(statement.openingBalanceOre, 875_000)
    assert.equal(statement.closingBalanceOre, 1_218_750)
    assert.deepEqual([statement.from, statement.to], ['2026-03-02', '2026-03-05'])
    const [reserved, kommune, fee, codeLine] = statement.entries
    assert.deepInclude(reserved, {
      status: 'pending',
      amountOre: -9_900,
      bookingDate: '2026-03-05',
    })
    assert.deepInclude(kommune, { amountOre: 250_000, payerName: 'Aarhus Kommune' })
    assert.equal(fee.amountOre, -31_250)
    assert.deepInclude(codeLine, { reference: '000000202600128', payerName: 'Grønne Hjerter ApS' })
  })

  test('Jyske Bank with English amounts and a pending row', async ({ assert }) => {
    const statement = await read('jyske_bank.csv')
    assert.equal(statement.bank, 'jyske_bank')
    assert.equal(statement.entries[0].valueDate, '2026-03-02')
    assert.deepEqual(
      statement.entries.map((entry) => [entry.amountOre, entry.status]),
      [
        [123_456, 'booked'],
        [375_000, 'booked'],
        [-25_000, 'booked'],
        [-104_995, 'pending'],
      ]
    )
    assert.equal(statement.openingBalanceOre, 1_000_000)
    assert.equal(statement.closingBalanceOre, 1_473_456)
  })

  test('another bank through the mapping the treasurer saved', async ({ assert }) => {
    const file = await fixture('mapped_bank.csv')
    await assert.rejects(() => readBankStatement(file, 'mapped_bank.csv'))
    const statement = await readBankStatement(file, 'mapped_bank.csv', {
      mapping: {
        date: 'Posteringsdato',
        amount: 'Kroner',
        text: 'Meddelelse',
        payer: 'Modpart',
        balance: 'Saldo efter',
      },
    })
    assert.equal(statement.bank, 'mapped')
    assert.deepInclude(statement.entries[0], {
      bookingDate: '2026-03-06',
      amountOre: 200_000,
      payerName: 'Sydhavn Kulturhus',
      text: 'Faktura 2026-0016',
    })
  })

  test('a mapped bank’s amounts are read in the style the whole column fits', async ({
    assert,
  }) => {
    const mapping = { date: 'Dag', amount: 'Kroner', text: 'Tekst' }
    const file = (amounts: string[]) =>
      Buffer.from(['Dag,Tekst,Kroner', ...amounts.map((a) => `2026-03-06,x,"${a}"`)].join('\n'))
    const amountsRead = async (amounts: string[]) =>
      (await readBankStatement(file(amounts), 'bank.csv', { mapping })).entries.map(
        (entry) => entry.amountOre
      )
    assert.deepEqual(await amountsRead(['2,000', '1.250,50']), [200, 125_050])
    assert.deepEqual(await amountsRead(['2,000', '1,250.50']), [200_000, 125_050])
  })

  test('fingerprints are the same on a second read', async ({ assert }) => {
    for (const name of ['danske_bank.csv', 'camt053_001_02_danske.xml', 'nordea.csv']) {
      const first = await read(name)
      const second = await read(name)
      assert.deepEqual(
        first.entries.map((entry) => entry.fingerprint),
        second.entries.map((entry) => entry.fingerprint)
      )
      assert.equal(
        new Set(first.entries.map((entry) => entry.fingerprint)).size,
        first.entries.length
      )
    }
  })

  test('an overlapping export gives the entries it shares the same fingerprints', async ({
    assert,
  }) => {
    const whole = await fixture('danske_bank.csv')
    const lines = whole.toString('latin1').split('\r\n')
    // The same account exported again from 4 March: the header and the rows from the fee on.
    const later = Buffer.from([lines[0], ...lines.slice(3)].join('\r\n'), 'latin1')
    const first = await read('danske_bank.csv')
    const overlap = await readBankStatement(later, 'danske_bank.csv')
    assert.deepEqual(
      overlap.entries.map((entry) => entry.fingerprint),
      first.entries.slice(2).map((entry) => entry.fingerprint)
    )
  })

  test('a reserved row and the same payment once booked are two entries', async ({ assert }) => {
    const header = '"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"\r\n'
    const row = (status: string) => `"05.03.2026";"Øresund Fond";"500,00";"";"${status}";"Nej"\r\n`
    const reserved = await readBankStatement(Buffer.from(header + row('Reserveret')), 'a.csv')
    const booked = await readBankStatement(Buffer.from(header + row('Udført')), 'b.csv')
    assert.notEqual(reserved.entries[0].fingerprint, booked.entries[0].fingerprint)
  })
})
