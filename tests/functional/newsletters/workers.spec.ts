import { test } from '@japa/runner'
import { setTimeout as sleep } from 'node:timers/promises'
import db from '@adonisjs/lucid/services/db'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { NewsletterListFactory } from '#database/factories/newsletter_factory'
import { runAce, startProcess, type RunningProcess } from '#tests/helpers/processes'
import { startMailSink, type MailSink } from '#tests/helpers/mail_sink'
import { redisMissing, redisSkipReason, requireRedis } from '#tests/helpers/services'
import { sqlTimestamp } from '#shared/sql_time'

/*
| Workers are separate processes here, as in production, so what they
| need is committed and removed again afterwards.
*/

const READERS = 500
/** Seconds without a sign of life before a claim is taken over: short, so the test is quick. */
const CLAIM_TIMEOUT = 2
const REDIS_DB = 9

async function issueForReaders(count: number) {
  const list = await NewsletterListFactory.create()
  const now = sqlTimestamp()
  const emails = Array.from({ length: count }, (_, index) => `worker-reader-${index}@example.org`)
  for (let start = 0; start < count; start += 100) {
    await db.table('subscribers').multiInsert(
      emails.slice(start, start + 100).map((email, index) => ({
        email,
        name: `Læser ${start + index}`,
        created_at: now,
        updated_at: now,
      }))
    )
  }
  const subscribers = await db.from('subscribers').whereIn('email', emails).select('id')
  for (let start = 0; start < subscribers.length; start += 100) {
    await db.table('subscriptions').multiInsert(
      subscribers.slice(start, start + 100).map((row) => ({
        subscriber_id: row.id,
        list_id: list.id,
        status: 'active',
        source: 'import',
        requested_at: now,
        confirmed_at: now,
        created_at: now,
        updated_at: now,
      }))
    )
  }
  const issue = await NewsletterIssue.create({
    subject: 'Til mange',
    bodyMjml:
      '<mj-section><mj-column><mj-text>Kære {{ first_name }}</mj-text><mj-button href="{{ share_url }}">Del</mj-button></mj-column></mj-section>',
    status: 'draft',
    createdBy: 'test',
  })
  await issue.related('lists').attach([list.id])
  return { issue, list, emails }
}

async function removeEverything(issueId: number, listId: number, emails: string[]) {
  await db.from('newsletter_deliveries').where('issue_id', issueId).delete()
  await db.from('newsletter_issue_lists').where('issue_id', issueId).delete()
  await db.from('newsletter_issues').where('id', issueId).delete()
  await db.from('subscriptions').where('list_id', listId).delete()
  await db.from('subscribers').whereIn('email', emails).delete()
  await db.from('consent_texts').where('list_id', listId).delete()
  await db.from('newsletter_lists').where('id', listId).delete()
  await db
    .from('audit_events')
    .where('subject_type', 'newsletter_issue')
    .where('subject_id', issueId)
    .delete()
  await db.from('queue_jobs').delete()
  await db.from('queue_schedules').delete()
}

function workerEnv(sink: MailSink, driver: 'database' | 'redis') {
  return {
    QUEUE_DRIVER: driver,
    REDIS_DB: String(REDIS_DB),
    MAIL_MAILER: 'smtp',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    SMTP_POOL_SIZE: '2',
    NEWSLETTER_CLAIM_TIMEOUT: String(CLAIM_TIMEOUT),
  }
}

function startWorker(environment: Record<string, string>) {
  return startProcess(['ace', 'queue:work'], { env: environment, readyWhen: /Starting worker/ })
}

async function waitForSent(issueId: number, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const row = await db.from('newsletter_issues').where('id', issueId).select('status').first()
    if (row?.status === 'sent') return
    await sleep(200)
  }
  throw new Error(`issue ${issueId} was not sent within ${timeoutMs} ms`)
}

function countsOf(recipients: string[]) {
  const counts = new Map<string, number>()
  for (const address of recipients) counts.set(address, (counts.get(address) ?? 0) + 1)
  return counts
}

test.group('Newsletter workers as processes', () => {
  test('a worker killed mid-send loses nothing: another takes over after the claim timeout', async ({
    assert,
  }) => {
    const { issue, list, emails } = await issueForReaders(READERS)
    const sink = await startMailSink({ delayMs: 8 })
    const workers: RunningProcess[] = []
    try {
      const environment = workerEnv(sink, 'database')
      const started = await runAce(['newsletters:send', String(issue.id)], { env: environment })
      assert.equal(started.code, 0, started.stdout + started.stderr)

      workers.push(await startWorker(environment))
      await sink.waitUntil(() => sink.recipients.length >= 150)
      await workers[0].kill()
      // Let the connections the dead worker left close, then see what it had written down.
      await sleep(300)
      const receivedAtKill = sink.recipients.length
      const recorded = await db
        .from('newsletter_deliveries')
        .where('issue_id', issue.id)
        .where('status', 'sent')
        .count('* as total')
        .first()
      const inDoubt = receivedAtKill - Number(recorded.total)
      assert.isBelow(receivedAtKill, READERS, 'the kill came mid-send')

      // Past the claim timeout, a new worker resumes the send as it starts.
      await sleep((CLAIM_TIMEOUT + 1.5) * 1000)
      workers.push(await startWorker(environment))
      await waitForSent(issue.id)

      const counts = countsOf(sink.recipients)
      assert.equal(counts.size, READERS, 'every reader got the issue')
      for (const email of emails) assert.isAtLeast(counts.get(email) ?? 0, 1, email)
      const duplicates = sink.recipients.length - READERS
      // Copies sent but not yet written down when the worker died are the only ones sent twice.
      assert.isAtMost(duplicates, inDoubt)
      assert.isAtMost(inDoubt, 40, 'a batch writes down what it sent every few messages')
      const failed = await db
        .from('newsletter_deliveries')
        .where('issue_id', issue.id)
        .whereNot('status', 'sent')
        .count('* as total')
        .first()
      assert.equal(Number(failed.total), 0)
      console.log(
        `  killed after ${receivedAtKill} accepted (${recorded.total} recorded); ${duplicates} sent twice`
      )
    } finally {
      for (const worker of workers) await worker.stop()
      await sink.stop()
      await removeEverything(issue.id, list.id, emails)
    }
  }).timeout(180_000)

  // Without Redis it is reported as skipped, with the reason, never as passed.
  test('two workers on Redis share one send and no reader gets it twice', async ({ assert }) => {
    const { host: redisHost, port: redisPort } = await requireRedis()
    const { Redis } = await import('ioredis')
    const redis = new Redis({ host: redisHost, port: redisPort, db: REDIS_DB, lazyConnect: true })
    await redis.connect()
    await redis.flushdb()

    const { issue, list, emails } = await issueForReaders(READERS)
    const sink = await startMailSink({ delayMs: 2 })
    const workers: RunningProcess[] = []
    try {
      const environment = workerEnv(sink, 'redis')
      workers.push(await startWorker(environment), await startWorker(environment))
      const started = await runAce(['newsletters:send', String(issue.id)], { env: environment })
      assert.equal(started.code, 0, started.stdout + started.stderr)
      await waitForSent(issue.id)
      await sink.waitUntil(() => sink.recipients.length >= READERS)
      // A little longer, so a copy sent twice would have arrived.
      await sleep(500)

      const counts = countsOf(sink.recipients)
      assert.equal(counts.size, READERS)
      assert.lengthOf(sink.recipients, READERS, 'no reader got it twice')
    } finally {
      for (const worker of workers) await worker.stop()
      await sink.stop()
      await redis.flushdb()
      await redis.quit()
      await removeEverything(issue.id, list.id, emails)
    }
  })
    .skip(redisMissing, redisSkipReason())
    .timeout(180_000)
})
