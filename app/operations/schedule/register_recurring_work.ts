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
 * Whether a schedule has the shape this file writes: endless, repeating,
 * without a payload. Schedules are registered here only, so one of that
 * shape whose id the list no longer holds is an entry that was renamed or
 * removed. A schedule with a payload, a start, an end or a run limit (what a
 * one-off or per-record schedule would need) is left alone.
 */
function isRecurringWorkShape(schedule: ScheduleData) {
  const payload = schedule.payload
  const emptyPayload =
    payload === null ||
    payload === undefined ||
    (typeof payload === 'object' && Object.keys(payload as object).length === 0)
  return (
    emptyPayload &&
    schedule.from === null &&
    schedule.to === null &&
    schedule.limit === null &&
    (schedule.cronExpression !== null || schedule.everyMs !== null)
  )
}

/**
 * Puts the recurring work into the queue's schedule table. Every worker and
 * web process calls this at start, so it must change nothing when nothing
 * changed: a schedule as listed keeps its next run (the queue's own builder
 * would move it forward on every restart, and a nightly job overdue after
 * downtime would then be skipped instead of caught up once), and a paused
 * one stays paused. A new or changed entry is written, with its first run;
 * recurring work that left the list (renamed or removed) is taken out of the
 * schedule, so that it stops running.
 */
export async function registerRecurringWork(
  adapter: Adapter = QueueManager.use(),
  now = new Date()
) {
  const written: string[] = []
  const removed: string[] = []
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
  const listed = new Set(recurringWork.map((work) => work.id))
  for (const schedule of await adapter.listSchedules()) {
    if (listed.has(schedule.id) || !isRecurringWorkShape(schedule)) continue
    await adapter.deleteSchedule(schedule.id)
    removed.push(schedule.id)
  }
  return { written, removed }
}
