import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import knex, { type Knex } from 'knex'
import db from '@adonisjs/lucid/services/db'
import { KnexAdapter } from '@boringnode/queue/drivers/knex_adapter'
import { recurringWork } from '#operations/schedule/recurring_work'
import { registerRecurringWork } from '#operations/schedule/register_recurring_work'
import { listRecurringWork } from '#operations/schedule/list_recurring_work'
import { DANISH_ZONE } from '#shared/danish_time'

/**
 * The queue's own database adapter on connections of its own, outside any
 * test transaction: what a worker process holds.
 */
function ownConnection(): Knex {
  const config = db.manager.get(db.primaryConnectionName)!.config as Knex.Config
  return knex({ ...config, pool: { ...(config.pool ?? {}), min: 0, max: 1 } })
}

async function scheduleRow(id: string) {
  return db.from('queue_schedules').where('id', id).firstOrFail()
}

function asDate(value: unknown) {
  return new Date(value as string | number | Date)
}

/** Every schedule put off to tomorrow, and this one due since `ago`. */
async function dueSince(id: string, ago: { hours?: number; minutes?: number }) {
  await db
    .from('queue_schedules')
    .update({ next_run_at: DateTime.now().plus({ days: 1 }).toJSDate() })
  await db
    .from('queue_schedules')
    .where('id', id)
    .update({ next_run_at: DateTime.now().minus(ago).toJSDate() })
}

test.group('The scheduler', (group) => {
  const connections: Knex[] = []
  let worker: KnexAdapter
  let other: KnexAdapter

  group.each.setup(async () => {
    await db.from('queue_schedules').delete()
    const first = ownConnection()
    const second = ownConnection()
    connections.push(first, second)
    worker = new KnexAdapter({ connection: first })
    other = new KnexAdapter({ connection: second })
    return async () => {
      await Promise.all(connections.splice(0).map((connection) => connection.destroy()))
      await db.from('queue_schedules').delete()
    }
  })

  test('registering at every start leaves one schedule per id and moves no next run', async ({
    assert,
  }) => {
    const { written } = await registerRecurringWork(worker)
    assert.deepEqual(
      written,
      recurringWork.map((work) => work.id)
    )
    const before = await db.from('queue_schedules').orderBy('id')
    const again = await Promise.all([
      registerRecurringWork(worker, new Date(Date.now() + 60_000)),
      registerRecurringWork(other, new Date(Date.now() + 60_000)),
    ])
    assert.deepEqual(again, [
      { written: [], removed: [] },
      { written: [], removed: [] },
    ])
    const after = await db.from('queue_schedules').orderBy('id')
    assert.lengthOf(after, recurringWork.length)
    assert.deepEqual(
      after.map((row) => [row.id, String(row.next_run_at)]),
      before.map((row) => [row.id, String(row.next_run_at)])
    )
  })

  test('daily work runs at its Danish time; a changed entry is written again', async ({
    assert,
  }) => {
    // As the newsletters registered it before the list existed: UTC, every 60 s.
    await worker.upsertSchedule({
      id: 'resume-interrupted-sends',
      name: 'ResumeInterruptedSendsJob',
      payload: {},
      everyMs: 60_000,
      timezone: 'UTC',
    })
    await worker.updateSchedule('resume-interrupted-sends', { nextRunAt: new Date() })
    const now = new Date('2026-12-04T19:00:00Z')
    const { written } = await registerRecurringWork(worker, now)
    assert.include(written, 'resume-interrupted-sends')
    const resume = await scheduleRow('resume-interrupted-sends')
    assert.equal(resume.timezone, DANISH_ZONE)
    const nightly = await scheduleRow('nightly-clean-up')
    assert.equal(nightly.cron_expression, '15 3 * * *')
    const next = DateTime.fromJSDate(asDate(nightly.next_run_at)).setZone(DANISH_ZONE)
    assert.equal(next.toFormat('yyyy-MM-dd HH:mm'), '2026-12-05 03:15')
    const reminders = await scheduleRow('daily-dues-reminders')
    assert.equal(
      DateTime.fromJSDate(asDate(reminders.next_run_at)).setZone(DANISH_ZONE).toFormat('HH:mm'),
      '09:00'
    )
    // Summer time: 09:00 in Copenhagen is 07:00 UTC.
    await db.from('queue_schedules').delete()
    await registerRecurringWork(worker, new Date('2026-06-10T12:00:00Z'))
    const summer = await scheduleRow('daily-dues-reminders')
    assert.equal(asDate(summer.next_run_at).toISOString(), '2026-06-11T07:00:00.000Z')
  })

  test('recurring work that left the list is taken off the schedule; other schedules stay', async ({
    assert,
  }) => {
    await registerRecurringWork(worker)
    // An entry since renamed, and one since removed: both as this list once wrote them.
    await worker.upsertSchedule({
      id: 'nightly-cleanup',
      name: 'NightlyCleanUpJob',
      payload: {},
      cronExpression: '15 3 * * *',
      timezone: DANISH_ZONE,
    })
    await worker.upsertSchedule({
      id: 'weekly-report',
      name: 'WeeklyReportJob',
      payload: {},
      everyMs: 7 * 24 * 60 * 60_000,
      timezone: DANISH_ZONE,
    })
    // Not the list's shape: one run with a payload, and an interval with an end.
    await worker.upsertSchedule({
      id: 'send-issue-7',
      name: 'SendIssueJob',
      payload: { issueId: 7 },
      everyMs: 60_000,
      limit: 1,
      timezone: 'UTC',
    })
    await worker.upsertSchedule({
      id: 'until-new-year',
      name: 'SomeJob',
      payload: {},
      everyMs: 60_000,
      to: new Date('2027-01-01T00:00:00Z'),
      timezone: 'UTC',
    })

    const { written, removed } = await registerRecurringWork(other)
    assert.deepEqual(written, [])
    assert.sameMembers(removed, ['nightly-cleanup', 'weekly-report'])
    const ids = (await db.from('queue_schedules').orderBy('id')).map((row) => row.id)
    assert.deepEqual(
      ids,
      [...recurringWork.map((work) => work.id), 'send-issue-7', 'until-new-year'].sort()
    )
    // Taken off once: the next start finds nothing to remove.
    assert.deepEqual((await registerRecurringWork(worker)).removed, [])
  })

  test('two workers claiming one due schedule at the same moment run it once', async ({
    assert,
  }) => {
    await registerRecurringWork(worker)
    for (let round = 1; round <= 10; round++) {
      await dueSince('nightly-clean-up', { minutes: 1 })
      const claims = await Promise.allSettled([worker.claimDueSchedule(), other.claimDueSchedule()])
      const claimed = claims.filter(
        (claim) => claim.status === 'fulfilled' && claim.value?.id === 'nightly-clean-up'
      )
      assert.lengthOf(claimed, 1, `round ${round}: ${JSON.stringify(claims)}`)
      for (const claim of claims) {
        // The loser finds nothing due (MariaDB skips the locked row) or, on SQLite, is told the
        // database is busy; the queue's worker logs that and looks again on its next tick.
        if (claim.status === 'rejected') {
          assert.equal(
            (claim.reason as { code?: string }).code,
            'SQLITE_BUSY',
            String(claim.reason)
          )
        } else if (claim !== claimed[0]) assert.isNull(claim.value)
      }
      const row = await scheduleRow('nightly-clean-up')
      assert.equal(Number(row.run_count), round)
      assert.isAbove(asDate(row.next_run_at).getTime(), Date.now())
    }
  })

  test('a run missed during downtime is caught up once, and a restart does not skip it', async ({
    assert,
  }) => {
    await registerRecurringWork(worker)
    // Down for three days: three 03:15 runs missed.
    await dueSince('nightly-clean-up', { hours: 72 })
    const missed = asDate((await scheduleRow('nightly-clean-up')).next_run_at).getTime()
    await registerRecurringWork(other)
    assert.equal(asDate((await scheduleRow('nightly-clean-up')).next_run_at).getTime(), missed)

    const claimed: string[] = []
    for (let schedule = await worker.claimDueSchedule(); schedule;) {
      claimed.push(schedule.id)
      schedule = await worker.claimDueSchedule()
    }
    assert.deepEqual(claimed, ['nightly-clean-up'])
    const row = await scheduleRow('nightly-clean-up')
    assert.equal(Number(row.run_count), 1)
    const next = DateTime.fromJSDate(asDate(row.next_run_at)).setZone(DANISH_ZONE)
    assert.equal(next.toFormat('HH:mm'), '03:15')
    assert.isAbove(next.toMillis(), Date.now())
    assert.isBelow(next.toMillis(), Date.now() + 25 * 60 * 60 * 1000)
  })

  test('scheduler:list names every entry with its next and last run in Danish time', async ({
    assert,
  }) => {
    await registerRecurringWork(worker)
    await dueSince('nightly-clean-up', { minutes: 1 })
    await worker.claimDueSchedule()
    await worker.upsertSchedule({
      id: 'forgotten',
      name: 'OldJob',
      payload: {},
      everyMs: 5000,
      timezone: 'UTC',
    })
    const rows = await listRecurringWork(worker)
    assert.deepEqual(
      rows.map((row) => row.id),
      [...recurringWork.map((work) => work.id), 'forgotten']
    )
    const nightly = rows.find((row) => row.id === 'nightly-clean-up')!
    assert.equal(nightly.when, 'dagligt kl. 03.15 (dansk tid)')
    assert.match(nightly.next, /^\d+\. \w+ \d{4} kl\. 03\.15$/)
    assert.match(nightly.last, /^\d+\. \w+ \d{4} kl\. \d{2}\.\d{2}$/)
    assert.equal(rows.find((row) => row.id === 'daily-dues-reminders')!.last, 'aldrig')
  })
})
