import { test } from '@japa/runner'
import i18nManager from '@adonisjs/i18n/services/main'
import { parseImportTime, parseSubscriberRows } from '#newsletters/import/subscriber_rows'
import { describeProblem, MAX_LISTED_PROBLEMS } from '#shared/csv/describe_problem'
import { DANISH_CSV_LIMITS, type DanishCsv } from '#shared/csv/read_danish_csv'

/*
| Rows as the CSV reader lets them through: up to its row limit, each value
| up to an Excel cell. An e-mail cell full of dots cost the address pattern
| the square of its length (1.7 s for one cell), so the file below took
| minutes. Timers cannot stop a synchronous parse, so the elapsed time is
| checked after it returns.
*/
const BUDGET_MS = 2_000

const HEADERS = ['E-mail', 'Fornavn', 'Tilmeldt']

function file(rows: string[][]): DanishCsv {
  return {
    encoding: 'utf-8',
    delimiter: ';',
    headers: HEADERS,
    rows: rows.map((values, index) => ({
      line: index + 2,
      values: Object.fromEntries(HEADERS.map((name, column) => [name, values[column] ?? ''])),
    })),
  }
}

function timedParse(csv: DanishCsv) {
  const start = performance.now()
  const parsed = parseSubscriberRows(csv, 'liste.csv')
  return { parsed, ms: performance.now() - start }
}

const danish = (problem: Parameters<typeof describeProblem>[0]) =>
  describeProblem(problem, i18nManager.locale('da'), 'newsletters.import')

test.group('parseSubscriberRows | hostile rows', () => {
  test('cells of an Excel cell’s full length are refused in linear time', ({ assert }) => {
    const dots = `a@${'.'.repeat(DANISH_CSV_LIMITS.maxValueLength - 5)} x`
    const time = `15-01-2021 ${' '.repeat(DANISH_CSV_LIMITS.maxValueLength - 20)}10:32`
    const rows = Array.from({ length: 60 }, () => [dots, 'Ida', time])
    const { parsed, ms } = timedParse(file(rows))
    assert.isBelow(ms, BUDGET_MS)
    const firstRow = parsed.problems.filter((problem) => problem.line === 2)
    assert.deepEqual(
      firstRow.map((problem) => problem.code),
      ['too_long', 'date_invalid']
    )
    assert.equal(danish(firstRow[0]), 'række 2: E-mail: må højst være 254 tegn')
  })

  test('a file where every row is wrong lists the first problems and says there are more', ({
    assert,
  }) => {
    const rows = Array.from({ length: DANISH_CSV_LIMITS.maxRows }, () => ['', 'Ida', ''])
    const { parsed, ms } = timedParse(file(rows))
    assert.isBelow(ms, BUDGET_MS)
    assert.deepEqual(parsed.rows, [])
    assert.isAtMost(parsed.problems.length, MAX_LISTED_PROBLEMS + 3)
    const last = parsed.problems.at(-1)!
    assert.equal(
      danish(last),
      `række ${last.line}: der er flere fejl end de 200 viste; ret dem, og kontrollér filen igen`
    )
  })

  test('a time is not handed to the date parsers when no way of writing one is that long', ({
    assert,
  }) => {
    for (const text of ['1'.repeat(1_000_000), `2021-01-15T${'1'.repeat(1_000_000)}`]) {
      const start = performance.now()
      assert.isNull(parseImportTime(text))
      assert.isBelow(performance.now() - start, BUDGET_MS)
    }
    assert.equal(parseImportTime('15-01-2021 10:32')?.toISO(), '2021-01-15T09:32:00.000Z')
  })
})

test.group('parseSubscriberRows | values the database would refuse', () => {
  test('a name longer than the column and an opt-in IP that is not one are named by row', ({
    assert,
  }) => {
    const headers = ['E-mail', 'Fornavn', 'Efternavn', 'Tilmeldt', 'IP']
    const csv: DanishCsv = {
      encoding: 'utf-8',
      delimiter: ';',
      headers,
      rows: [
        ['a@example.org', 'A'.repeat(80), 'B'.repeat(60), '01-02-2024 10:00', '10.0.0.1'],
        ['b@example.org', 'Bo', 'Berg', '01-02-2024 10:00', '999.1.1.1'],
        ['c@example.org', 'Cai', '', '01-02-2024 10:00', '2001:db8::1'],
      ].map((values, index) => ({
        line: index + 2,
        values: Object.fromEntries(headers.map((name, column) => [name, values[column]])),
      })),
    }
    const { problems, rows } = parseSubscriberRows(csv, 'liste.csv')
    assert.lengthOf(rows, 0)
    assert.deepEqual(problems.map(danish), [
      'række 2: Fornavn: må højst være 120 tegn',
      'række 3: IP: 999.1.1.1 er ikke en IP-adresse',
    ])
  })
})
