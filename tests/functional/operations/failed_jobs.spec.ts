import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/user_factory'
import { RetryFailedJob } from '#operations/actions/retry_failed_job'
import { Actors } from '#audit/actor'
import { failedJob, withQueueDriver } from '#tests/helpers/queue_jobs'

async function jobRow(id: string) {
  return db.from('queue_jobs').where('id', id).firstOrFail()
}

test.group('Failed background jobs', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => withQueueDriver('database'))

  test('the admin sees each failed job with its name in Danish, its error and when it failed', async ({
    client,
    assert,
  }) => {
    await failedJob({ name: 'SendInvoiceMailJob', error: '421 4.7.0 Try again later' })
    const admin = await UserFactory.apply('admin').create()
    const response = await client.get('/operations/jobs').loginAs(admin)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'Faktura på mail')
    assert.include(html, '421 4.7.0 Try again later')
    assert.include(html, 'Prøv igen')
    assert.match(html, /\d+\. \w+ \d{4} kl\. \d{2}\.\d{2}/)
  })

  test('says when nothing failed, and when the queue is not in the database', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const empty = await client.get('/operations/jobs').loginAs(admin)
    assert.include(empty.text(), 'Ingen baggrundsjob er mislykkedes')
    const restore = withQueueDriver('redis')
    try {
      const redis = await client.get('/operations/jobs').loginAs(admin)
      assert.include(redis.text(), 'Køen kører på redis')
    } finally {
      restore()
    }
  })

  test('only the admin may see or retry them', async ({ client }) => {
    const id = await failedJob()
    for (const role of ['board', 'treasurer', 'secretariat'] as const) {
      const user = await UserFactory.apply(role).create()
      ;(await client.get('/operations/jobs').loginAs(user)).assertStatus(403)
      const retry = await client.post(`/operations/jobs/${id}/retry`).withCsrfToken().loginAs(user)
      retry.assertStatus(403)
    }
    ;(await client.get('/operations/jobs')).assertRedirectsTo('/login')
  })

  test('retry puts the job back in its queue as a fresh attempt and logs who did it', async ({
    client,
    assert,
  }) => {
    const id = await failedJob({ name: 'SendForwardJob' })
    const admin = await UserFactory.apply('admin').create()
    const before = Date.now()
    const response = await client
      .post(`/operations/jobs/${id}/retry`)
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/operations/jobs')

    const row = await jobRow(id)
    assert.equal(row.status, 'pending')
    assert.isNull(row.error)
    assert.isNull(row.finished_at)
    assert.equal(JSON.parse(row.data).attempts, 0)
    assert.isAtLeast(Number(row.score) % 1e13, before - 1)
    const events = await db.from('audit_events').where('action', 'operations.job_retried')
    assert.lengthOf(events, 1)
    assert.equal(events[0].actor_id, String(admin.id))
    assert.equal(events[0].subject_id, id)
  })

  test('two retries at once queue the job once', async ({ assert }) => {
    const id = await failedJob()
    const admin = await UserFactory.apply('admin').create()
    const actor = Actors.user(admin, '127.0.0.1')
    const results = await Promise.all([
      new RetryFailedJob().handle(id, actor),
      new RetryFailedJob().handle(id, actor),
    ])
    assert.sameMembers(
      results.map((result) => result.status),
      ['queued', 'not_failed']
    )
    assert.lengthOf(await db.from('queue_jobs').where('id', id), 1)
    assert.lengthOf(await db.from('audit_events').where('action', 'operations.job_retried'), 1)
  })

  test('a job that is not failed, or a made-up one, is not touched', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const missing = await client
      .post('/operations/jobs/00000000-0000-4000-8000-000000000000/retry')
      .withCsrfToken()
      .loginAs(admin)
    assert.include(missing.text(), 'findes ikke længere')
    const hostile = await client
      .post('/operations/jobs/..%2F..%2Fstaff/retry')
      .withCsrfToken()
      .loginAs(admin)
    hostile.assertStatus(404)
    assert.lengthOf(await db.from('audit_events').where('action', 'operations.job_retried'), 0)
  })
})
