import { test } from '@japa/runner'
import { spawnSync } from 'node:child_process'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { readerToken, webVersionUrl } from '#newsletters/reader_links'
import { ownPath } from '#shared/absolute_url'
import { sentIssueFor, subscribeTo } from '#tests/helpers/newsletters'
import { NewsletterListFactory, SubscriberFactory } from '#database/factories/newsletter_factory'

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

test.group('A share page frames the web version on its own site', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the frame is a path, so no APP_URL can point it at another server', async ({
    client,
    assert,
  }) => {
    const list = await NewsletterListFactory.with('consentTexts', 1).create()
    const reader = await SubscriberFactory.merge({ name: 'Ida' }).create()
    await subscribeTo(reader, list)
    const { issue, delivery } = await sentIssueFor(list, reader)

    const page = await client.get(`/del/${readerToken('share', delivery.id)}`)
    page.assertStatus(200)
    const frame = /<iframe\s+src="([^"]+)"/.exec(page.text())![1].replace(/&amp;/g, '&')
    assert.equal(frame, ownPath(webVersionUrl(issue.id)))
    assert.match(frame, new RegExp(`^/nyhedsbrev/udgave/${issue.id}\\?k=`))
    // The page's own CSP frames only its own origin; the path is that origin.
    assert.include(page.header('content-security-policy'), "default-src 'self'")
    ;(await client.get(frame)).assertStatus(200)
  })
})
