import type { Group } from '@japa/runner/core'

const REASON =
  'reads and writes no database: the same code on the same input runs in the SQLite pass'

/**
 * For a group that reads and writes no database (file readers, document
 * renderers, the OIOUBL schematron): the MariaDB pass would run the same code
 * on the same input again, so the group runs in the SQLite pass only and is
 * skipped in the MariaDB pass with this reason. Its share of that pass (over
 * a minute on two cores, beside the browser suite) is what keeps CI inside
 * its time.
 *
 * Decided when the test runs, so that a test's own `.skip(tools missing)`,
 * chained after this, still counts in the SQLite pass and is overruled here.
 */
export function databaseFree(group: Group) {
  group.tap((test) => {
    test.skip(() => {
      if (process.env.DB_CONNECTION !== 'mysql') return test.options.isSkipped ?? false
      test.options.skipReason = REASON
      return true
    }, REASON)
  })
}
