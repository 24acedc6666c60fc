import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import { browserClient } from '@japa/browser-client'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import { dbAssertions } from '@adonisjs/lucid/plugins/db'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import { authBrowserClient } from '@adonisjs/auth/plugins/browser_client'
import { sessionBrowserClient } from '@adonisjs/session/plugins/browser_client'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import type { Config } from '@japa/runner/types'
import { chromium as playwrightChromium } from 'playwright'
import { ensureTestDatabase } from '#tests/helpers/database'
import { forgetSharePages } from '#newsletters/sharing/share_page'
import { CHROMIUM_ARGS, findChromium } from '#tests/helpers/chromium'
import { forgetMemorySessions } from '#tests/helpers/memory_sessions'

const browserSuiteRequested = !process.argv.some((arg) => ['unit', 'functional'].includes(arg))

/*
| Without Chromium the browser suite is left out on a developer's machine: no
| browser client, no launcher, no files, one line that says why, and the other
| suites decide the exit code. In CI (CI set, as .ci/run does) it is an error.
*/
const chromium = findChromium()
const chromiumMissing = 'missing' in chromium ? chromium.missing : null
const skipBrowserSuite = chromiumMissing !== null && !process.env.CI
if (skipBrowserSuite && browserSuiteRequested) {
  console.warn(
    `Browser suite skipped: Chromium not found (${chromiumMissing}); install it (apt-get install chromium) or set CHROMIUM_PATH.`
  )
}

export const suites = app.rcFile.tests.suites.map((suite) =>
  suite.name === 'browser' && skipBrowserSuite
    ? { name: suite.name, timeout: suite.timeout, files: async () => [] }
    : { name: suite.name, timeout: suite.timeout, files: suite.files }
)

const browserPlugins: Config['plugins'] = skipBrowserSuite
  ? []
  : [
      browserClient({
        runInSuites: ['browser'],
        contextOptions: { locale: 'da-DK', viewport: { width: 1280, height: 900 } },
        launcher: async (config) => {
          if ('missing' in chromium) throw new Error(chromiumRequired(chromium.missing))
          return playwrightChromium.launch({
            ...config,
            headless: true,
            executablePath: chromium.path,
            args: CHROMIUM_ARGS,
          })
        },
      }),
      sessionBrowserClient(app),
      authBrowserClient(app),
    ]

function chromiumRequired(reason: string) {
  return `Chromium is required for the browser suite in CI, and it was not found: ${reason} (apt-get install chromium, or set CHROMIUM_PATH).`
}

export const plugins: Config['plugins'] = [
  assert(),
  apiClient(),
  pluginAdonisJS(app),
  dbAssertions(app),
  sessionApiClient(app),
  shieldApiClient(),
  authApiClient(app),
  ...browserPlugins,
]

export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [
    async () => {
      await ensureTestDatabase()
      // A known-clean schema on every run, whatever an earlier run left.
      const ace = await app.container.make('ace')
      const command = await ace.exec('migration:fresh', [])
      if (command.exitCode) throw command.error ?? new Error('migration:fresh failed')
    },
  ],
  teardown: [],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (suite.name === 'browser' && chromiumMissing !== null) {
    // On a developer's machine the suite has no files and needs no server; in CI it fails here.
    if (skipBrowserSuite) return
    throw new Error(chromiumRequired(chromiumMissing))
  }
  if (['browser', 'functional'].includes(suite.name)) {
    // Rate-limit counts and share pages live in memory during tests; each test starts with none.
    suite.onGroup((group) =>
      group.each.setup(async () => {
        forgetSharePages()
        await limiter.clear()
        await forgetMemorySessions()
      })
    )
    return suite.setup(() => testUtils.httpServer().start())
  }
}
