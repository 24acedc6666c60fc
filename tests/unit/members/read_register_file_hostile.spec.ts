import { test } from '@japa/runner'
import i18nManager from '@adonisjs/i18n/services/main'
import { readRegisterFile } from '#members/register_file/read_register_file'
import { describeProblem, MAX_LISTED_PROBLEMS } from '#shared/csv/describe_problem'
import { DANISH_CSV_LIMITS } from '#shared/csv/read_danish_csv'

/*
| Rows as the file readers let them through: up to the row limit, each value
| up to an Excel cell. A check that searched all problems so far on every
| row, or an e-mail pattern that backtracks on a cell full of dots, turns
| these into minutes. Timers cannot stop a synchronous parse, so the time
| is checked after it returns.
*/
const BUDGET_MS = 2_000

const HEADERS = ['Navn', 'Type', 'EAN', 'Kontaktperson', 'E-mail']

function table(rows: string[][]) {
  return {
    headers: HEADERS,
    rows: rows.map((values, index) => ({
      line: index + 2,
      values: Object.fromEntries(HEADERS.map((name, column) => [name, values[column] ?? ''])),
    })),
  }
}

function timedRead(rows: string[][]) {
  const start = performance.now()
  const read = readRegisterFile(table(rows), { tiers: [] })
  return { read, ms: performance.now() - start }
}

test.group('readRegisterFile | hostile rows', () => {
  test('a file where every row is wrong lists the first problems and says there are more', ({
    assert,
  }) => {
    const rows = Array.from({ length: DANISH_CSV_LIMITS.maxRows }, (_, index) => [
      `Kommune ${index}`,
      'kommune',
      '123',
      '',
      'ikke en adresse',
    ])
    const { read, ms } = timedRead(rows)
    assert.isBelow(ms, BUDGET_MS)
    assert.deepEqual(read.organisations, [])
    assert.isAtMost(read.problems.length, MAX_LISTED_PROBLEMS + 5)
    const last = read.problems.at(-1)!
    assert.equal(
      describeProblem(last, i18nManager.locale('da')),
      `række ${last.line}: der er flere fejl end de 200 viste; ret dem, og kontrollér filen igen`
    )
    // An EAN that is wrong is said once, not also as missing.
    assert.deepEqual(
      read.problems.filter((problem) => problem.line === 2).map((problem) => problem.code),
      ['ean_invalid', 'email_invalid']
    )
  })

  test('cells of an Excel cell’s full length are read in linear time', ({ assert }) => {
    const long = 'x'.repeat(DANISH_CSV_LIMITS.maxValueLength)
    const dots = `a@${'.'.repeat(DANISH_CSV_LIMITS.maxValueLength - 5)} x`
    const rows = Array.from({ length: 60 }, (_, index) => [
      `${index}${long}`,
      long,
      long,
      long,
      dots,
    ])
    const { read, ms } = timedRead(rows)
    assert.isBelow(ms, BUDGET_MS)
    assert.includeMembers(
      read.problems.filter((problem) => problem.line === 2).map((problem) => problem.code),
      ['too_long', 'email_invalid']
    )
  })

  test('a row of one organisation repeated 100,000 times is read in linear time', ({ assert }) => {
    const rows = Array.from({ length: DANISH_CSV_LIMITS.maxRows }, (_, index) => [
      'Samme Forening',
      'Forening',
      '',
      `Person ${index}`,
      `p${index}@example.org`,
    ])
    const { read, ms } = timedRead(rows)
    assert.isBelow(ms, BUDGET_MS)
    assert.lengthOf(read.organisations, 1)
    assert.lengthOf(read.organisations[0].contacts, DANISH_CSV_LIMITS.maxRows)
  })

  test('addresses are still told apart as before', ({ assert }) => {
    const emails = ['a@b.dk', 'a@b..dk', 'a@.b.dk', 'a@b.', 'a@.dk', 'a@b', 'a b@c.dk', '@b.dk']
    const rows = emails.map((email, index) => [`Forening ${index}`, '', '', 'Ida', email])
    const { read } = timedRead(rows)
    const invalid = read.problems
      .filter((problem) => problem.code === 'email_invalid')
      .map((problem) => problem.params?.value)
    assert.deepEqual(invalid, ['a@b.', 'a@.dk', 'a@b', 'a b@c.dk', '@b.dk'])
  })
})
