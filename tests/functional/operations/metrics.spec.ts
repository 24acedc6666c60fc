import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import { Secret } from '@adonisjs/core/helpers'
import db from '@adonisjs/lucid/services/db'
import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format'
import { UserFactory } from '#database/factories/user_factory'
import { failedJob, queuedJob, withQueueDriver } from '#tests/helpers/queue_jobs'

const TOKEN = 'test-metrics-token'

function family(families: PrometheusFamily[], name: string) {
  const found = families.find((candidate) => candidate.name === name)
  if (!found) throw new Error(`No ${name} in the metrics`)
  return found
}

function valueOf(families: PrometheusFamily[], name: string, labels: Record<string, string>) {
  const sample = family(families, name).metrics.find((metric) =>
    Object.entries(labels).every(([key, value]) => metric.labels?.[key] === value)
  )
  return sample ? Number(sample.value) : undefined
}

test.group('GET /metrics', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => withQueueDriver('database'))

  test('refuses a scraper without the token, or with another one, in the same way', async ({
    client,
  }) => {
    const none = await client.get('/metrics')
    none.assertStatus(401)
    none.assertHeader('www-authenticate', 'Bearer realm="metrics"')
    none.assertHeader('content-type', 'text/plain; charset=utf-8')
    ;(await client.get('/metrics').header('authorization', 'Bearer wrong')).assertStatus(401)
    ;(await client.get('/metrics').header('authorization', TOKEN)).assertStatus(401)
  })

  test('does not exist where no token is set', async ({ client }) => {
    const token = env.get('METRICS_TOKEN')
    // As an unset variable reads: the schema turns an empty secret into no secret.
    env.set('METRICS_TOKEN', new Secret('') as never)
    try {
      const response = await client.get('/metrics').header('authorization', `Bearer ${TOKEN}`)
      response.assertStatus(404)
    } finally {
      env.set('METRICS_TOKEN', token as never)
    }
  })

  test('gives the queue, mail, service and HTTP figures in the Prometheus text format', async ({
    client,
    assert,
  }) => {
    await failedJob({ error: 'SMTP 421' })
    await failedJob({ error: 'SMTP 421' })
    await queuedJob({ queuedMsAgo: 90_000 })
    await db.table('mail_events').insert({
      type: 'hard',
      email: 'væk@example.org',
      source: 'webhook',
      created_at: new Date(),
    })
    const admin = await UserFactory.apply('admin').create()
    // Two requests to one member's page: one series for the pattern, never the id.
    await client.get('/members/1').loginAs(admin)
    await client.get('/members/2').loginAs(admin)

    const response = await client.get('/metrics').header('authorization', `Bearer ${TOKEN}`)
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/plain; version=0\.0\.4/)
    const families = parsePrometheusTextFormat(response.text())

    assert.equal(valueOf(families, 'kreds_queue_jobs', { queue: 'default', status: 'failed' }), 2)
    assert.equal(valueOf(families, 'kreds_queue_jobs', { queue: 'default', status: 'pending' }), 1)
    assert.equal(valueOf(families, 'kreds_queue_jobs', { queue: 'default', status: 'active' }), 0)
    const waited = valueOf(families, 'kreds_queue_oldest_waiting_seconds', { queue: 'default' })!
    assert.isAtLeast(waited, 90)
    assert.isBelow(waited, 600)
    assert.equal(valueOf(families, 'kreds_mail_events', { type: 'hard' }), 1)
    assert.equal(valueOf(families, 'kreds_mail_events', { type: 'complaint' }), 0)
    assert.equal(valueOf(families, 'kreds_newsletter_messages', { status: 'failed' }), 0)
    assert.equal(valueOf(families, 'kreds_service_up', { service: 'database' }), 1)

    const http = family(families, 'kreds_http_request_duration_seconds')
    assert.equal(http.type, 'HISTOGRAM')
    // The parser folds a labelled histogram into one series, so its samples are read as lines.
    const memberPage = response
      .text()
      .split('\n')
      .find(
        (line) =>
          line.startsWith('kreds_http_request_duration_seconds_count{') &&
          line.includes('method="GET",route="/members/:id"')
      )
    assert.exists(memberPage, 'the member page is timed under its pattern')
    assert.isAtLeast(Number(memberPage!.split(' ').at(-1)), 2)
    assert.notInclude(response.text(), '/members/1"')
    assert.exists(family(families, 'kreds_process_resident_memory_bytes'))
  })
})
