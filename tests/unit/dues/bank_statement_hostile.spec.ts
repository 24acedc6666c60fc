import { test } from '@japa/runner'
import { BankStatementError, readBankStatement } from '#dues/bank/read_bank_statement'
import { CAMT_LIMITS } from '#dues/bank/read_camt053'
import { SpreadsheetError } from '#shared/spreadsheet/spreadsheet_error'
import { databaseFree } from '#tests/helpers/database_free'

const NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02'

const entry = (index: number) =>
  `<Ntry><Amt Ccy="DKK">${index}.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>` +
  `<BookgDt><Dt>2026-03-02</Dt></BookgDt></Ntry>`

const statementOf = (body: string, prolog = '') =>
  Buffer.from(
    `<?xml version="1.0"?>${prolog}<Document xmlns="${NAMESPACE}"><BkToCstmrStmt><Stmt>` +
      `${body}</Stmt></BkToCstmrStmt></Document>`
  )

async function problemOf(file: Buffer) {
  try {
    await readBankStatement(file, 'statement.xml')
  } catch (error) {
    if (error instanceof BankStatementError) return error.problem
    throw error
  }
  return 'read'
}

test.group('Bank statements: hostile files', (group) => {
  databaseFree(group)
  test('a billion laughs is refused at its document type declaration', async ({ assert }) => {
    const laughs = [
      '<!DOCTYPE Document [<!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, level) => {
        const previous = level === 0 ? 'lol' : `lol${level}`
        return `<!ENTITY lol${level + 1} "${`&${previous};`.repeat(10)}">`
      }),
      ']>',
    ].join('')
    const started = performance.now()
    assert.equal(await problemOf(statementOf(`<Id>&lol9;</Id>`, laughs)), 'doctype')
    assert.isBelow(performance.now() - started, 200)
  })

  test('an external entity is never read', async ({ assert }) => {
    const xxe = '<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    assert.equal(await problemOf(statementOf('<Id>&xxe;</Id>', xxe)), 'doctype')
    assert.equal(await problemOf(statementOf('<Id>&xxe;</Id>')), 'not_xml')
  })

  test('a 50 MB file is refused before it is parsed', async ({ assert }) => {
    const huge = Buffer.alloc(50 * 1024 * 1024, ' ')
    huge.write(`<?xml version="1.0"?><Document xmlns="${NAMESPACE}">`)
    const started = performance.now()
    assert.equal(await problemOf(huge), 'too_large')
    assert.isBelow(performance.now() - started, 200)
  })

  test('a very deep file stops at the depth limit', async ({ assert }) => {
    const depth = 200_000
    const deep = statementOf(`${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`)
    const started = performance.now()
    assert.equal(await problemOf(deep), 'too_deep')
    assert.isBelow(performance.now() - started, 500)
  })

  test('entries past the limit are refused', async ({ assert }) => {
    const body = Array.from({ length: CAMT_LIMITS.maxEntries + 1 }, (_, i) => entry(i)).join('')
    assert.equal(await problemOf(statementOf(body)), 'too_many_entries')
  })

  test('another XML document is not taken for a statement', async ({ assert }) => {
    const other = Buffer.from(
      '<?xml version="1.0"?><Invoice xmlns="urn:oasis"><ID>1</ID></Invoice>'
    )
    assert.equal(await problemOf(other), 'unknown_format')
    assert.equal(await problemOf(Buffer.from('<Document><Stmt>')), 'unknown_format')
    assert.equal(
      await problemOf(
        statementOf('<Ntry><Amt>1.5.0</Amt><BookgDt><Dt>2026-03-02</Dt></BookgDt></Ntry>')
      ),
      'bad_amount'
    )
  })

  test('reading time grows in step with the number of entries', async ({ assert }) => {
    const timeFor = async (count: number) => {
      const file = statementOf(Array.from({ length: count }, (_, i) => entry(i)).join(''))
      const started = performance.now()
      const statement = await readBankStatement(file, 'statement.xml')
      assert.lengthOf(statement.entries, count)
      return performance.now() - started
    }
    await timeFor(2_000)
    const small = await timeFor(5_000)
    const large = await timeFor(40_000)
    assert.isBelow(large / small, 8 * 3)
  })

  test('a CSV of 100,000 rows is read; one row more is refused', async ({ assert }) => {
    const row = '"02.03.2026";"Indbetaling";"1.250,00";"11.250,00";"Udført";"Nej"\r\n'
    const header = '"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"\r\n'
    const file = Buffer.from(header + row.repeat(100_000), 'latin1')
    const started = performance.now()
    const statement = await readBankStatement(file, 'konto.csv')
    assert.lengthOf(statement.entries, 100_000)
    assert.equal(new Set(statement.entries.map((e) => e.fingerprint)).size, 100_000)
    assert.isBelow(performance.now() - started, 10_000)
    const tooMany = Buffer.from(header + row.repeat(100_001), 'latin1')
    await assert.rejects(() => readBankStatement(tooMany, 'konto.csv'), SpreadsheetError)
  }).timeout(30_000)
})
