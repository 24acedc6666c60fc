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
import { chromium } from 'playwright'
import { ensureTestDatabase } from '#tests/helpers/database'
import { forgetSharePages } from '#newsletters/sharing/share_page'
import { CHROMIUM_ARGS, findChromium } from '#tests/helpers/chromium'
import { forgetMemorySessions } from '#tests/helpers/memory_sessions'

const browserSuiteRequested = !process.argv.some((arg) => ['unit', 'functional'].includes(arg))

export const plugins: Config['plugins'] = [
  assert(),
  apiClient(),
  pluginAdonisJS(app),
  dbAssertions(app),
  sessionApiClient(app),
  shieldApiClient(),
  authApiClient(app),
  browserClient({
    runInSuites: ['browser'],
    contextOptions: { locale: 'da-DK', viewport: { width: 1280, height: 900 } },
    launcher: async (config) => {
      const executablePath = findChromium()
      if (!executablePath)
        throw new Error(
          'Chromium was not found: install it (apt-get install chromium) or set CHROMIUM_PATH.'
        )
      return chromium.launch({ ...config, headless: true, executablePath, args: CHROMIUM_ARGS })
    },
  }),
  sessionBrowserClient(app),
  authBrowserClient(app),
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
  if (suite.name === 'browser' && browserSuiteRequested && !findChromium()) {
    // In CI a missing browser fails the run; on a developer's machine the
    // other suites still run and this says why the browser one did not.
    if (process.env.CI)
      throw new Error(
        'Chromium is required for the browser suite in CI (apt-get install chromium).'
      )
    console.warn(
      'Skipping the browser suite: Chromium not found (apt-get install chromium, or set CHROMIUM_PATH).'
    )
    suite.onGroup((group) => group.tap((test) => test.skip(true, 'Chromium not found')))
    suite.onTest((test) => test.skip(true, 'Chromium not found'))
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
