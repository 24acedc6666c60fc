import { DateTime } from 'luxon'
import { QueueManager } from '@adonisjs/queue'
import type { Adapter, ScheduleData } from '@boringnode/queue/types'
import { jobName, recurringWork, type RecurringWork } from '#operations/schedule/recurring_work'

/** The schedule as the queue stores it: a cron line or an interval, with its time zone. */
export function scheduleShape(work: RecurringWork) {
  if ('everyMinutes' in work) {
    return { cronExpression: null, everyMs: work.everyMinutes * 60_000, timezone: work.timezone }
  }
  const [hour, minute] = work.dailyAt.split(':').map(Number)
  return { cronExpression: `${minute} ${hour} * * *`, everyMs: null, timezone: work.timezone }
}

/** The first run after `now`: the next interval, or the next time of day in the work's zone. */
export function firstRunAfter(work: RecurringWork, now: Date) {
  if ('everyMinutes' in work) return new Date(now.getTime() + work.everyMinutes * 60_000)
  const [hour, minute] = work.dailyAt.split(':').map(Number)
  const local = DateTime.fromJSDate(now).setZone(work.timezone)
  let next = local.set({ hour, minute, second: 0, millisecond: 0 })
  if (next <= local) next = next.plus({ days: 1 }).set({ hour, minute })
  return next.toJSDate()
}

function unchanged(existing: ScheduleData | null, work: RecurringWork) {
  if (!existing || !existing.nextRunAt) return false
  const shape = scheduleShape(work)
  return (
    existing.name === jobName(work) &&
    existing.cronExpression === shape.cronExpression &&
    existing.everyMs === shape.everyMs &&
    existing.timezone === shape.timezone
  )
}

/**
 * Puts the recurring work into the queue's schedule table. Every worker and
 * web process calls this at start, so it must change nothing when nothing
 * changed: a schedule as listed keeps its next run (the queue's own builder
 * would move it forward on every restart, and a nightly job overdue after
 * downtime would then be skipped instead of caught up once), and a paused
 * one stays paused. A new or changed entry is written, with its first run.
 */
export async function registerRecurringWork(
  adapter: Adapter = QueueManager.use(),
  now = new Date()
) {
  const written: string[] = []
  for (const work of recurringWork) {
    const existing = await adapter.getSchedule(work.id)
    if (unchanged(existing, work)) continue
    const shape = scheduleShape(work)
    await adapter.upsertSchedule({
      id: work.id,
      name: jobName(work),
      payload: {},
      cronExpression: shape.cronExpression ?? undefined,
      everyMs: shape.everyMs ?? undefined,
      timezone: shape.timezone,
    })
    await adapter.updateSchedule(work.id, { nextRunAt: firstRunAfter(work, now) })
    written.push(work.id)
  }
  return written
}
