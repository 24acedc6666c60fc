import { test } from '@japa/runner'
import { setTimeout as sleep } from 'node:timers/promises'
import { join } from 'node:path'
import { mkdir, rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import Database from 'better-sqlite3'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import { NewsletterListFactory } from '#database/factories/newsletter_factory'
import { ownSqliteFile, runAce, startProcess, type RunningProcess } from '#tests/helpers/processes'
import { startMailSink, type MailSink } from '#tests/helpers/mail_sink'
import { sqlTimestamp } from '#shared/sql_time'

/*
| A backup taken while a worker sends a newsletter, restored elsewhere: the
| delivery rows in the backup are the record of what went out, so a worker
| on the restored database sends to the rest and never again to a reader the
| record says has it. The send runs on the suite's own database, committed,
| because the worker is a process of its own.
*/
const READERS = 400
const CLAIM_TIMEOUT = 2

async function issueForReaders() {
  const list = await NewsletterListFactory.create()
  const now = sqlTimestamp()
  const emails = Array.from({ length: READERS }, (_, index) => `backup-reader-${index}@example.org`)
  await db.table('subscribers').multiInsert(
    emails.map((email, index) => ({
      email,
      name: `Læser ${index}`,
      created_at: now,
      updated_at: now,
    }))
  )
  const subscribers = await db.from('subscribers').whereIn('email', emails).select('id')
  await db.table('subscriptions').multiInsert(
    subscribers.map((row) => ({
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
  const issue = await NewsletterIssue.create({
    subject: 'Under backup',
    bodyMjml:
      '<mj-section><mj-column><mj-text>Kære {{ first_name }}</mj-text></mj-column></mj-section>',
    status: 'draft',
    createdBy: 'test',
  })
  await issue.related('lists').attach([list.id])
  return { issue, list, emails }
}

function workerEnv(sink: MailSink, database: Record<string, string>) {
  return {
    ...database,
    QUEUE_DRIVER: 'database',
    MAIL_MAILER: 'smtp',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    SMTP_POOL_SIZE: '2',
    NEWSLETTER_CLAIM_TIMEOUT: String(CLAIM_TIMEOUT),
  }
}

test.group('Backup during a newsletter send', (group) => {
  const target = ownSqliteFile(group, 'tmp/backup-send-target-test.sqlite3')
  const work = app.makePath('tmp/backup-send-test')
  group.setup(async () => {
    await mkdir(work, { recursive: true })
    return () => rm(work, { recursive: true, force: true })
  })

  test('the restored send goes on to the readers the backup has not recorded, and to no one twice', async ({
    assert,
  }) => {
    const { issue, list, emails } = await issueForReaders()
    const sourceSink = await startMailSink({ delayMs: 40 })
    const targetSink = await startMailSink({ delayMs: 1 })
    const workers: RunningProcess[] = []
    const archive = join(work, 'during-send.tar.gz')
    try {
      const started = await runAce(['newsletters:send', String(issue.id)], {
        env: workerEnv(sourceSink, {}),
      })
      assert.equal(started.code, 0, started.stdout + started.stderr)
      const sourceEnv = workerEnv(sourceSink, {})
      workers.push(
        await startProcess(['ace', 'queue:work'], { env: sourceEnv, readyWhen: /Starting worker/ })
      )
      await sourceSink.waitUntil(() => sourceSink.recipients.length >= 60)
      const backup = await runAce(['backup', archive, '--files-root', join(work, 'files')], {
        env: { BACKUP_ENCRYPTION_KEY: '' },
      })
      assert.equal(backup.code, 0, backup.stdout + backup.stderr)
      await workers[0].kill()

      const restored = await runAce(['restore', archive, '--files-root', join(work, 'restored')], {
        env: { ...target.env, BACKUP_ENCRYPTION_KEY: '' },
      })
      assert.equal(restored.code, 0, restored.stdout + restored.stderr)
      const sqlite = new Database(app.makePath(target.path), { readonly: true })
      const recorded = sqlite
        .prepare(
          "SELECT s.email FROM newsletter_deliveries d JOIN subscribers s ON s.id = d.subscriber_id WHERE d.issue_id = ? AND d.status = 'sent'"
        )
        .all(issue.id) as { email: string }[]
      sqlite.close()
      const sentBefore = new Set(recorded.map((row) => row.email))
      console.log(`  backup recorded ${sentBefore.size} of ${READERS} readers as sent`)
      assert.isAbove(sentBefore.size, 0, 'the backup was taken mid-send')
      assert.isBelow(sentBefore.size, READERS, 'the backup was taken mid-send')

      // Claims the dead worker held are taken over once their timeout has passed.
      await sleep((CLAIM_TIMEOUT + 1.5) * 1000)
      const targetEnv = workerEnv(targetSink, target.env)
      workers.push(
        await startProcess(['ace', 'queue:work'], { env: targetEnv, readyWhen: /Starting worker/ })
      )
      await targetSink.waitUntil(
        () => targetSink.recipients.length >= READERS - sentBefore.size,
        90_000
      )
      await sleep(500)

      const resent = targetSink.recipients.filter((email) => sentBefore.has(email))
      assert.deepEqual(resent, [], 'no reader the backup records as sent gets it again')
      assert.lengthOf(targetSink.recipients, new Set(targetSink.recipients).size, 'no one twice')
      assert.sameMembers(
        [...sentBefore, ...targetSink.recipients],
        emails,
        'every reader has it, from one side or the other'
      )
    } finally {
      for (const worker of workers) await worker.stop()
      await sourceSink.stop()
      await targetSink.stop()
      await db.from('newsletter_deliveries').where('issue_id', issue.id).delete()
      await db.from('newsletter_issue_lists').where('issue_id', issue.id).delete()
      await db.from('newsletter_issues').where('id', issue.id).delete()
      await db.from('subscriptions').where('list_id', list.id).delete()
      await db.from('subscribers').whereIn('email', emails).delete()
      await db.from('consent_texts').where('list_id', list.id).delete()
      await db.from('newsletter_lists').where('id', list.id).delete()
      await db
        .from('audit_events')
        .where('subject_type', 'newsletter_issue')
        .where('subject_id', issue.id)
        .delete()
      await db.from('queue_jobs').delete()
      await db.from('queue_schedules').delete()
    }
  }).timeout(240_000)
})
