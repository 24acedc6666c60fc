import { test } from '@japa/runner'
import { setTimeout as sleep } from 'node:timers/promises'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { KnexAdapter } from '@boringnode/queue/drivers/knex_adapter'
import { registerRecurringWork } from '#operations/schedule/register_recurring_work'
import { runAce, startProcess, type RunningProcess } from '#tests/helpers/processes'

/*
| Two `node ace queue:work` processes, as on two servers, with the nightly
| clean-up overdue after downtime: it must run once, not once per worker and
| not once per missed night. What the workers need is committed and removed
| again afterwards.
*/

async function retentionRuns() {
  const row = await db
    .from('audit_events')
    .where('action', 'operations.retention_run')
    .count('* as n')
    .first()
  return Number(row.n)
}

async function clearSchedule() {
  await db.from('queue_schedules').delete()
  await db.from('queue_jobs').delete()
  await db.from('audit_events').where('action', 'operations.retention_run').delete()
}

function startWorker() {
  return startProcess(['ace', 'queue:work'], {
    env: { QUEUE_DRIVER: 'database' },
    readyWhen: /Starting worker/,
  })
}

test.group('The scheduler in two worker processes', (group) => {
  const workers: RunningProcess[] = []
  group.each.setup(async () => {
    await clearSchedule()
    return async () => {
      await Promise.all(workers.splice(0).map((worker) => worker.stop()))
      await clearSchedule()
    }
  })

  test('an overdue nightly clean-up runs once however many workers start', async ({ assert }) => {
    const adapter = new KnexAdapter({ connection: db.connection().getWriteClient() })
    await registerRecurringWork(adapter)
    await db
      .from('queue_schedules')
      .update({ next_run_at: DateTime.now().plus({ days: 1 }).toJSDate() })
    // Down for three nights.
    await db
      .from('queue_schedules')
      .where('id', 'nightly-clean-up')
      .update({ next_run_at: DateTime.now().minus({ hours: 72 }).toJSDate() })

    workers.push(...(await Promise.all([startWorker(), startWorker()])))
    const deadline = Date.now() + 60_000
    while ((await retentionRuns()) === 0 && Date.now() < deadline) await sleep(250)
    // Time for a second run to show up if the lock did not hold.
    await sleep(4_000)

    assert.equal(await retentionRuns(), 1, workers.map((worker) => worker.output()).join('\n'))
    const row = await db.from('queue_schedules').where('id', 'nightly-clean-up').firstOrFail()
    assert.equal(Number(row.run_count), 1)
    assert.isAbove(new Date(row.next_run_at).getTime(), Date.now())
  }).timeout(120_000)

  test('node ace scheduler:list prints every recurring task with its next run in Danish time', async ({
    assert,
  }) => {
    const adapter = new KnexAdapter({ connection: db.connection().getWriteClient() })
    await registerRecurringWork(adapter, new Date('2026-12-04T12:00:00Z'))
    const result = await runAce(['scheduler:list'], { env: { QUEUE_DRIVER: 'database' } })
    assert.equal(result.code, 0, result.stderr)
    // eslint-disable-next-line no-control-regex
    const text = result.stdout.replace(/\u001B\[[0-9;]*m/g, '')
    for (const id of ['resume-interrupted-sends', 'nightly-clean-up', 'daily-dues-reminders']) {
      assert.include(text, id)
    }
    assert.include(text, 'dagligt kl. 03.15 (dansk tid)')
    assert.include(text, '5. december 2026 kl. 03.15')
    assert.include(text, '5. december 2026 kl. 09.00')
    assert.include(text, 'aldrig')
  }).timeout(60_000)
})
