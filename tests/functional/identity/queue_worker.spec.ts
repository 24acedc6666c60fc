import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type User from '#identity/models/user'
import UserToken from '#identity/models/user_token'
import SendAccountLinkJob from '#identity/jobs/send_account_link_job'
import { UserFactory } from '#database/factories/user_factory'
import { findLink, recipientsOf, startMailCatcher } from '#tests/helpers/mail_catcher'
import { startProcess } from '#tests/helpers/processes'

/*
| A job goes through the database queue to a real `node ace queue:work`
| process. Both processes share the test database, so nothing here runs in a
| test transaction; the test removes what it made.
*/
test.group('Queue worker', (group) => {
  let user: User
  group.each.setup(async () => {
    user = await UserFactory.merge({ email: 'queued.person@example.org' }).create()
    return async () => {
      await db.from('queue_jobs').delete()
      await UserToken.query().where('user_id', user.id).delete()
      await user.delete()
    }
  })

  test('a job queued in the database carries only ids, and a worker process sends its mail', async ({
    assert,
  }) => {
    await SendAccountLinkJob.dispatch({ userId: user.id, purpose: 'password_reset' }).with(
      'database'
    )
    const row = await db.from('queue_jobs').firstOrFail()
    assert.equal(row.status, 'pending')
    assert.deepEqual(JSON.parse(row.data).payload, { userId: user.id, purpose: 'password_reset' })

    const catcher = await startMailCatcher()
    const worker = await startProcess(['ace', 'queue:work'], {
      env: {
        QUEUE_DRIVER: 'database',
        MAIL_MAILER: 'smtp',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(catcher.port),
        LOG_LEVEL: 'info',
      },
      readyWhen: /Starting worker for queues: default/,
    })
    try {
      const message = await catcher.waitFor((m) => recipientsOf(m).includes(user.email), 20_000)
      assert.equal(message.subject, 'Nulstil din adgangskode til Kreds')
      findLink(message, '/reset-password/')
      assert.lengthOf(await UserToken.query().where('user_id', user.id), 1)
    } finally {
      await worker.stop()
      await catcher.stop()
    }
  }).timeout(60_000)
})
