import type { Group } from '@japa/runner/core'

/**
 * Runs the group's tests in the suite's SQLite pass only; the MariaDB pass
 * skips them with `reason`. Decided when each test runs, so that a test's
 * own `.skip(tools missing)`, chained after this, still counts in the SQLite
 * pass and cannot bring the test back into the MariaDB pass.
 */
export function onlyInSqlitePass(group: Group, reason: string) {
  group.tap((test) => {
    test.skip(() => {
      if (process.env.DB_CONNECTION !== 'mysql') return test.options.isSkipped ?? false
      test.options.skipReason = reason
      return true
    }, reason)
  })
}

/**
 * For a group that reads and writes no database (file readers, document
 * renderers, the OIOUBL schematron): the MariaDB pass would run the same code
 * on the same input again. Its share of that pass (over a minute on two
 * cores, beside the browser suite) is what keeps CI inside its time.
 */
export function databaseFree(group: Group) {
  onlyInSqlitePass(
    group,
    'reads and writes no database: the same code on the same input runs in the SQLite pass'
  )
}
