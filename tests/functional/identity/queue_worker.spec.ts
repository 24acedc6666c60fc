import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import db from '@adonisjs/lucid/services/db'
import type User from '#identity/models/user'
import UserToken from '#identity/models/user_token'
import SendAccountLinkJob from '#identity/jobs/send_account_link_job'
import { UserFactory } from '#database/factories/user_factory'
import { findLink, recipientsOf, startMailCatcher } from '#tests/helpers/mail_catcher'
import { startProcess } from '#tests/helpers/processes'
import { redisMissing, redisSkipReason, requireRedis } from '#tests/helpers/services'

/** Starts `node ace queue:work` on the given driver and waits for the job's mail. */
async function runWorkerUntilMailArrives(driver: 'database' | 'redis', user: User, assert: Assert) {
  const catcher = await startMailCatcher()
  const worker = await startProcess(['ace', 'queue:work'], {
    env: {
      QUEUE_DRIVER: driver,
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
}

/*
| A job goes through a real queue to a real `node ace queue:work` process.
| Both processes share the test database, so nothing here runs in a test
| transaction; each test removes what it made.
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

  test('a job queued in the database carries only ids, and a worker sends its mail', async ({
    assert,
  }) => {
    const payload = { userId: user.id, purpose: 'password_reset' as const }
    await SendAccountLinkJob.dispatch(payload).with('database')
    const row = await db.from('queue_jobs').firstOrFail()
    assert.equal(row.status, 'pending')
    assert.deepEqual(JSON.parse(row.data).payload, payload)

    await runWorkerUntilMailArrives('database', user, assert)
  }).timeout(60_000)

  // Without Redis it is reported as skipped, with the reason, never as passed.
  test('with QUEUE_DRIVER=redis the same job goes through Redis', async ({ assert }) => {
    await requireRedis()
    await SendAccountLinkJob.dispatch({ userId: user.id, purpose: 'password_reset' }).with('redis')
    assert.lengthOf(await db.from('queue_jobs'), 0)

    await runWorkerUntilMailArrives('redis', user, assert)
  })
    .skip(redisMissing, redisSkipReason())
    .timeout(60_000)
})
