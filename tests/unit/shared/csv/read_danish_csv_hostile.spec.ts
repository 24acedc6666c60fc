import { test } from '@japa/runner'
import i18nManager from '@adonisjs/i18n/services/main'
import { describeProblem, readCsvOrProblem } from '#shared/csv/describe_problem'
import { DANISH_CSV_LIMITS, DanishCsvError, readDanishCsv } from '#shared/csv/read_danish_csv'
import { databaseFree } from '#tests/helpers/database_free'

/*
| Files as large as an upload may be (10 MB), built to cost the most. The
| reader used to build an object with every header for every row, so a
| wide header above many short rows took hours; the CSV library spends
| seconds on one huge value or ten million empty cells. Each file must now
| be answered within the budget, most with a message that names the limit
| it broke. Timers cannot stop a synchronous parse, so the elapsed time is
| checked after it returns.
*/
const BUDGET_MS = 5_000
const MB = 1024 * 1024

function timedRead(file: Buffer) {
  const start = performance.now()
  const read = readCsvOrProblem(file)
  return { read, ms: performance.now() - start }
}

const danish = (problem: Parameters<typeof describeProblem>[0]) =>
  describeProblem(problem, i18nManager.locale('da'))

const header = (columns: number) =>
  Array.from({ length: columns }, (_, index) => `K${index + 1}`).join(';')

test.group('readDanishCsv | hostile files', (group) => {
  databaseFree(group)
  test('a quote never closed over 10 MB stops at the row limit, with a hint', ({ assert }) => {
    const { read, ms } = timedRead(Buffer.from(`Navn;E-mail\n"${'x;y\n'.repeat(2.5 * MB)}`))
    assert.isBelow(ms, BUDGET_MS)
    assert.property(read, 'problem')
    if (!('problem' in read)) return
    assert.equal(
      danish(read.problem),
      'række 2: rækken er længere end 1.000.000 tegn; et manglende anførselstegn kan have gjort resten af filen til én værdi'
    )
  })

  test('a short quote never closed is still named as such', ({ assert }) => {
    const { read } = timedRead(Buffer.from('Navn;E-mail\n"Ærø;a@b.dk\n'))
    assert.deepInclude(read, {
      problem: { line: 2, column: '', code: 'unreadable', params: { reason: 'unclosed_quote' } },
    })
  })

  test('a single line of 10 MB is refused', ({ assert }) => {
    for (const line of ['a'.repeat(10 * MB), 'a;'.repeat(5 * MB), '"'.repeat(10 * MB)]) {
      const { read, ms } = timedRead(Buffer.from(line))
      assert.isBelow(ms, BUDGET_MS)
      assert.deepInclude(read, {
        problem: {
          line: 1,
          column: '',
          code: 'row_too_long',
          params: { max: 1_000_000, actual: 1_000_000 },
        },
      })
    }
  })

  test('ten million empty cells are refused at the cell limit', ({ assert }) => {
    const { read, ms } = timedRead(Buffer.from(';'.repeat(10 * MB)))
    assert.isBelow(ms, BUDGET_MS)
    assert.property(read, 'problem')
    if (!('problem' in read)) return
    assert.equal(read.problem.code, 'too_many_cells')
    assert.include(danish(read.problem), 'flere end 2.000.000 celler')
  })

  test('100,000 columns above 100,000 rows are refused by the column limit', ({ assert }) => {
    const file = Buffer.from(`${header(100_000)}\n${'x\n'.repeat(100_000)}`)
    const { read, ms } = timedRead(file)
    assert.isBelow(ms, BUDGET_MS)
    assert.property(read, 'problem')
    if (!('problem' in read)) return
    assert.equal(
      danish(read.problem),
      'række 1: filen har 100.000 kolonner med overskrift; højst 100 kan læses. Slet de kolonner, der ikke skal importeres'
    )
  })

  test('a file at the row limit, with as many columns as the cell limit allows, is read', ({
    assert,
  }) => {
    const row = Array.from({ length: 19 }, (_, index) => `v${index}`).join(';')
    const file = Buffer.from(`${header(19)}\n${`${row}\n`.repeat(DANISH_CSV_LIMITS.maxRows)}`)
    const start = performance.now()
    const csv = readDanishCsv(file)
    assert.isBelow(performance.now() - start, BUDGET_MS)
    assert.lengthOf(csv.rows, 100_000)
    assert.equal(csv.rows.at(-1)!.line, 100_001)
  })

  test('more rows than the limit are refused on the first row past it', ({ assert }) => {
    // Rows of another length than the header cost the CSV library the most.
    const { read, ms } = timedRead(Buffer.from(`${header(100)}\n${'x\n'.repeat(4 * MB)}`))
    assert.isBelow(ms, BUDGET_MS)
    assert.property(read, 'problem')
    if (!('problem' in read)) return
    assert.equal(
      danish(read.problem),
      'række 100002: filen har flere end 100.000 rækker; del den op i flere filer'
    )
  })

  test('a value longer than an Excel cell is refused by row and column', ({ assert }) => {
    const { read } = timedRead(
      Buffer.from(`Navn;E-mail\nÆrø;a@b.dk\n${'x'.repeat(40_000)};a@b.dk\n`)
    )
    assert.property(read, 'problem')
    if (!('problem' in read)) return
    assert.equal(
      danish(read.problem),
      'række 3: Navn: værdien er 40.000 tegn; højst 32.767 tegn (det største, Excel kan have i en celle)'
    )
  })

  test('NUL bytes, UTF-16 and random bytes are answered within the budget', ({ assert }) => {
    const files = [
      Buffer.alloc(10 * MB, 0),
      Buffer.from(`Navn;E\u0000mail\n${'a\u0000;b\n'.repeat(MB)}`),
      Buffer.from(`\ufeffNavn;E-mail\n${'Ærø;a@b.dk\n'.repeat(400_000)}`, 'utf16le'),
      Buffer.from(Array.from({ length: 10 * MB }, (_, index) => (index * 7919) % 256)),
      Buffer.from('"a"";'.repeat(2 * MB)),
      Buffer.from('a;b\r'.repeat(2 * MB)),
    ]
    for (const file of files) {
      const start = performance.now()
      try {
        readDanishCsv(file)
      } catch (error) {
        assert.instanceOf(error, DanishCsvError)
      }
      assert.isBelow(performance.now() - start, BUDGET_MS)
    }
  })
})
