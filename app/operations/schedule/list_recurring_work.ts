import { QueueManager } from '@adonisjs/queue'
import type { Adapter } from '@boringnode/queue/types'
import { formatDateTime } from '#shared/formatting'
import { jobName, recurringWork } from '#operations/schedule/recurring_work'

export type RecurringWorkRow = {
  id: string
  job: string
  description: string
  when: string
  next: string
  last: string
  runs: number
  status: string
}

/**
 * The recurring work with what the queue's schedule table says of it, in
 * Danish time. A listed entry not in the table yet (no worker has started
 * since it was added) shows as not registered; a schedule in the table that
 * the list no longer holds shows too (a worker or web process takes it off
 * when it starts).
 */
export async function listRecurringWork(
  adapter: Adapter = QueueManager.use()
): Promise<RecurringWorkRow[]> {
  const rows: RecurringWorkRow[] = []
  for (const work of recurringWork) {
    const schedule = await adapter.getSchedule(work.id)
    rows.push({
      id: work.id,
      job: jobName(work),
      description: work.description,
      when:
        'everyMinutes' in work
          ? `hvert ${work.everyMinutes === 1 ? '' : `${work.everyMinutes}. `}minut`
          : `dagligt kl. ${work.dailyAt.replace(':', '.')} (dansk tid)`,
      next: schedule?.nextRunAt ? formatDateTime(schedule.nextRunAt) : '–',
      last: schedule?.lastRunAt ? formatDateTime(schedule.lastRunAt) : 'aldrig',
      runs: schedule?.runCount ?? 0,
      status: schedule ? schedule.status : 'ikke registreret',
    })
  }
  const listed = new Set(recurringWork.map((work) => work.id))
  for (const schedule of await adapter.listSchedules()) {
    if (listed.has(schedule.id)) continue
    rows.push({
      id: schedule.id,
      job: schedule.name,
      description: 'Ikke på listen over fast arbejde',
      when:
        schedule.cronExpression ?? `hvert ${Math.round((schedule.everyMs ?? 0) / 1000)}. sekund`,
      next: schedule.nextRunAt ? formatDateTime(schedule.nextRunAt) : '–',
      last: schedule.lastRunAt ? formatDateTime(schedule.lastRunAt) : 'aldrig',
      runs: schedule.runCount,
      status: schedule.status,
    })
  }
  return rows
}
