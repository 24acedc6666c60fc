import { test } from '@japa/runner'
import { commandLayerOnce, freePort, runAce } from '#tests/helpers/processes'

/**
 * `node ace test browser` as its own process on a machine that has no
 * Chromium (CHROMIUM_PATH is authoritative, so pointing it at nothing
 * imitates one), with a port and a database of its own so it never touches
 * this run's.
 */
async function browserSuiteWithoutChromium(ci: boolean) {
  const port = await freePort()
  return runAce(['test', 'browser'], {
    env: {
      CHROMIUM_PATH: '/nonexistent/chromium',
      // An empty value is unset for the bootstrap; the outer run may itself be CI.
      CI: ci ? 'true' : '',
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      SQLITE_PATH: 'tmp/test-no-chromium.sqlite3',
      MYSQL_DB_NAME: 'kreds_test_no_chromium',
    },
    timeoutMs: 120_000,
  })
}

const SKIPPED =
  /^Browser suite skipped: Chromium not found \(CHROMIUM_PATH=\/nonexistent\/chromium does not exist\)/

test.group('The browser suite without Chromium', (group) => {
  commandLayerOnce(group)
  test('on a developer’s machine it is skipped with one line that says why, and passes', async ({
    assert,
  }) => {
    const result = await browserSuiteWithoutChromium(false)
    const output = result.stdout + result.stderr
    assert.equal(result.code, 0, output)
    const lines = output.split('\n').filter((line) => line.includes('Browser suite skipped'))
    assert.lengthOf(lines, 1, output)
    assert.match(lines[0], SKIPPED)
    // No launcher ran: nothing failed in a setup hook, and no browser test was reported.
    assert.notMatch(output, /Error|FAILED|✖/, output)
    assert.include(output, 'NO TESTS EXECUTED')
  }).timeout(150_000)

  test('in CI it fails the run and says Chromium is required', async ({ assert }) => {
    const result = await browserSuiteWithoutChromium(true)
    const output = result.stdout + result.stderr
    assert.notEqual(result.code, 0, output)
    assert.include(
      output,
      'Chromium is required for the browser suite in CI, and it was not found: CHROMIUM_PATH=/nonexistent/chromium does not exist'
    )
    assert.notInclude(output, 'Browser suite skipped')
  }).timeout(150_000)
})
