import { test } from '@japa/runner'
import { freePort, startProcess, type RunningProcess } from '#tests/helpers/processes'

test.group('Health', () => {
  test('answers 200 with JSON when the database answers', async ({ client, assert }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    assert.equal(response.body().status, 'ok')
    assert.isTrue(response.body().database.ok)
  })
})

test.group('A server whose database cannot be reached', (group) => {
  let server: RunningProcess
  let baseUrl: string

  // A production server pointed at a MySQL port where nothing listens.
  group.setup(async () => {
    const port = await freePort()
    const closedPort = await freePort()
    baseUrl = `http://127.0.0.1:${port}`
    server = await startProcess(['--import=@poppinss/ts-exec', 'bin/server.ts'], {
      env: {
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        SESSION_DRIVER: 'memory',
        DB_CONNECTION: 'mysql',
        MYSQL_HOST: '127.0.0.1',
        MYSQL_PORT: String(closedPort),
        MAIL_MAILER: 'smtp',
        QUEUE_DRIVER: 'sync',
        LIMITER_STORE: 'memory',
      },
      readyWhen: /started HTTP server/,
    })
    return () => server.stop()
  })

  test('says so plainly in its log at start', async ({ assert }) => {
    await new Promise((resolve) => setTimeout(resolve, 500))
    assert.include(server.output(), 'The database cannot be reached (mysql): ECONNREFUSED')
  })

  test('answers /health and /health/ready with 503, and /health/live with 200', async ({
    assert,
  }) => {
    for (const path of ['/health', '/health/ready']) {
      const response = await fetch(`${baseUrl}${path}`)
      assert.equal(response.status, 503)
      const body = await response.json()
      assert.containSubset(body, {
        status: 'unavailable',
        alive: true,
        ready: false,
        database: { connection: 'mysql', ok: false },
      })
      assert.notInclude(JSON.stringify(body), 'ECONNREFUSED')
    }
    // Alive all the same: restarting the web process would not bring the database back.
    assert.equal((await fetch(`${baseUrl}/health/live`)).status, 200)
  })

  test('answers a page that needs the database with a Danish 503, without a stack trace', async ({
    assert,
  }) => {
    const response = await fetch(`${baseUrl}/association/logo`, {
      headers: { accept: 'text/html' },
    })
    const html = await response.text()
    assert.equal(response.status, 503)
    assert.include(html, 'Databasen svarer ikke')
    assert.notMatch(html, /at .*\.(ts|js):\d+/)
    assert.notInclude(html, 'ECONNREFUSED')
  })
})
