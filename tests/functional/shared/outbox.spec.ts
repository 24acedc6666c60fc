import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import OutboxMessage from '#shared/mail/outbox_message'
import { UserFactory } from '#database/factories/user_factory'
import { foldSpace } from '#tests/helpers/text'
import { freePort, startProcess } from '#tests/helpers/processes'

test.group('Outbox pages', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the admin reads stored mails, the HTML in a sandboxed frame', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const message = await OutboxMessage.create({
      messageId: '<1@kreds.test>',
      fromAddress: 'Kreds <sekretariat@example.org>',
      toAddresses: 'anna@example.org',
      subject: 'Nulstil din adgangskode til Kreds',
      html: '<p>Hej <script>alert(1)</script></p>',
      text: 'Hej Anna',
      headers: {},
    })
    const list = await client.get('/outbox').loginAs(admin)
    list.assertTextIncludes('Nulstil din adgangskode til Kreds')

    const show = await client.get(`/outbox/${message.id}`).loginAs(admin)
    show.assertTextIncludes('Hej Anna')
    assert.include(
      foldSpace(show.text()),
      `<iframe class="mail" sandbox src="/outbox/${message.id}/html"`
    )

    const html = await client.get(`/outbox/${message.id}/html`).loginAs(admin)
    html.assertHeader(
      'content-security-policy',
      "default-src 'none'; img-src data: https: http:; style-src 'unsafe-inline'"
    )
  })

  test('a board member may not read the outbox', async ({ client }) => {
    const board = await UserFactory.apply('board').create()
    const response = await client.get('/outbox').loginAs(board)
    response.assertStatus(403)
  })
})

test.group('The outbox in production', () => {
  const production = (mailer: string, port: number) => ({
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'info',
    SESSION_DRIVER: 'memory',
    DB_CONNECTION: 'sqlite',
    SQLITE_PATH: 'tmp/outbox-production.sqlite3',
    MAIL_MAILER: mailer,
    QUEUE_DRIVER: 'sync',
    LIMITER_STORE: 'memory',
  })

  test('a production server refuses to start with the outbox as its mailer', async ({ assert }) => {
    const port = await freePort()
    const error = await startProcess(['--import=@poppinss/ts-exec', 'bin/server.ts'], {
      env: production('outbox', port),
      readyWhen: /started HTTP server/,
    }).then(
      async (server) => {
        await server.stop()
        return null
      },
      (failure: Error) => failure
    )
    assert.isNotNull(error)
    assert.include(error!.message, 'MAIL_MAILER=outbox is for development only')
  })

  test('a production server has no outbox pages', async ({ assert }) => {
    const port = await freePort()
    const server = await startProcess(['--import=@poppinss/ts-exec', 'bin/server.ts'], {
      env: production('smtp', port),
      readyWhen: /started HTTP server/,
    })
    try {
      for (const path of ['/outbox', '/outbox/1', '/outbox/1/html']) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`, {
          headers: { accept: 'application/json' },
          redirect: 'manual',
        })
        assert.equal(response.status, 404, path)
      }
    } finally {
      await server.stop()
    }
  })
})
