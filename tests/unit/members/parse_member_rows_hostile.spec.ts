import { test } from '@japa/runner'
import i18nManager from '@adonisjs/i18n/services/main'
import { parseMemberRows } from '#members/import/parse_member_rows'
import { describeProblem, MAX_LISTED_PROBLEMS } from '#shared/csv/describe_problem'
import { DANISH_CSV_LIMITS, type DanishCsv } from '#shared/csv/read_danish_csv'

/*
| Rows as the CSV reader lets them through: up to its row limit, each value
| up to an Excel cell. Every row used to search all problems found so far,
| and an e-mail cell full of dots cost the address pattern the square of
| its length (1.7 s for one cell of 32,767 characters): both files below
| took minutes. Timers cannot stop a synchronous parse, so the elapsed
| time is checked after it returns.
*/
const BUDGET_MS = 2_000

const HEADERS = ['Navn', 'Type', 'EAN', 'Kontaktperson', 'E-mail']

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
  const parsed = parseMemberRows(csv)
  return { parsed, ms: performance.now() - start }
}

test.group('parseMemberRows | hostile rows', () => {
  test('a file where every row is wrong lists the first problems and says there are more', ({
    assert,
  }) => {
    const rows = Array.from({ length: DANISH_CSV_LIMITS.maxRows }, () => [
      '',
      'kommune',
      '123',
      '',
      'ikke en adresse',
    ])
    const { parsed, ms } = timedParse(file(rows))
    assert.isBelow(ms, BUDGET_MS)
    assert.deepEqual(parsed.rows, [])
    assert.isAtMost(parsed.problems.length, MAX_LISTED_PROBLEMS + 5)
    const last = parsed.problems.at(-1)!
    assert.equal(
      describeProblem(last, i18nManager.locale('da')),
      `række ${last.line}: der er flere fejl end de 200 viste; ret dem, og kontrollér filen igen`
    )
    // An EAN that is wrong is said once, not also as missing.
    const firstRow = parsed.problems.filter((problem) => problem.line === 2)
    assert.deepEqual(
      firstRow.map((problem) => problem.code),
      ['required', 'ean_invalid', 'required', 'email_invalid']
    )
  })

  test('cells of an Excel cell’s full length are read in linear time', ({ assert }) => {
    const long = 'x'.repeat(DANISH_CSV_LIMITS.maxValueLength)
    const dots = `a@${'.'.repeat(DANISH_CSV_LIMITS.maxValueLength - 5)} x`
    const rows = Array.from({ length: 60 }, () => [long, long, long, long, dots])
    const { parsed, ms } = timedParse(file(rows))
    assert.isBelow(ms, BUDGET_MS)
    assert.includeMembers(
      parsed.problems.filter((problem) => problem.line === 2).map((problem) => problem.code),
      ['too_long', 'email_invalid']
    )
  })

  test('addresses are still told apart as before', ({ assert }) => {
    const emails = ['a@b.dk', 'a@b..dk', 'a@.b.dk', 'a@b.', 'a@.dk', 'a@b', 'a b@c.dk', '@b.dk']
    const rows = emails.map((email, index) => [`Forening ${index}`, '', '', 'Ida', email])
    const { parsed } = timedParse(file(rows))
    const invalid = parsed.problems
      .filter((problem) => problem.code === 'email_invalid')
      .map((problem) => problem.params?.value)
    assert.deepEqual(invalid, ['a@b.', 'a@.dk', 'a@b', 'a b@c.dk', '@b.dk'])
  })
})
