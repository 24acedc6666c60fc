import { test } from '@japa/runner'
import { spawnSync } from 'node:child_process'
import app from '@adonisjs/core/services/app'

/*
 * The configuration as a freshly started process reads it: .env (and
 * .env.<NODE_ENV>) under the variables the shell sets, which is how a
 * developer starts a second server with PORT=3414.
 */
function appUrlOfProcess(variables: Record<string, string>) {
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      '@poppinss/ts-exec',
      '--input-type=module',
      '-e',
      "const { default: env } = await import('#start/env'); console.log(env.get('APP_URL'))",
    ],
    {
      cwd: app.makePath(),
      env: { ...process.env, ...variables },
      encoding: 'utf8',
      timeout: 60_000,
    }
  )
  return { status: result.status, url: result.stdout.trim(), errors: result.stderr }
}

test.group('APP_URL follows PORT when it is not set', () => {
  test('a development server on another port links to itself', ({ assert }) => {
    const started = appUrlOfProcess({ NODE_ENV: 'development', PORT: '3999', APP_URL: '' })
    assert.equal(started.status, 0, started.errors)
    assert.match(started.url, /^http:\/\/(localhost|127\.0\.0\.1):3999$/)
  })

  test('a set APP_URL wins, whatever the port', ({ assert }) => {
    const started = appUrlOfProcess({
      NODE_ENV: 'development',
      PORT: '3999',
      APP_URL: 'https://kreds.example.org',
    })
    assert.equal(started.status, 0, started.errors)
    assert.equal(started.url, 'https://kreds.example.org')
  })

  test('production refuses to start without it', ({ assert }) => {
    const started = appUrlOfProcess({ NODE_ENV: 'production', PORT: '3999', APP_URL: '' })
    assert.notEqual(started.status, 0)
    assert.include(started.errors, 'APP_URL must be set in production')
  })
})
