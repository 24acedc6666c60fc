import type { JobOptions } from '@adonisjs/queue/types'
import ResumeInterruptedSendsJob from '#newsletters/jobs/resume_interrupted_sends_job'
import NightlyCleanUpJob from '#operations/jobs/nightly_clean_up_job'
import AutomaticRemindersJob from '#operations/jobs/automatic_reminders_job'
import NightlyBackupJob from '#operations/jobs/nightly_backup_job'
import { DANISH_ZONE } from '#shared/danish_time'

type JobClass = { name: string; options?: JobOptions }

export type RecurringWork = {
  /** The schedule's id in the queue: registering again updates this one. */
  id: string
  job: JobClass
  /** In Danish for `node ace scheduler:list`. */
  description: string
  /** Daily work runs by the association's clock, through summer and winter time. */
  timezone: string
} & ({ everyMinutes: number } | { dailyAt: `${number}:${number}` })

/**
 * Everything Kreds does by itself, in one list. A module that needs periodic
 * work adds an entry here; nothing else registers schedules.
 */
export const recurringWork: RecurringWork[] = [
  {
    id: 'resume-interrupted-sends',
    job: ResumeInterruptedSendsJob,
    description: 'Genoptager afbrudte nyhedsbreve og starter planlagte udsendelser',
    everyMinutes: 1,
    timezone: DANISH_ZONE,
  },
  {
    // Hourly, acting once a night from 02:30: a run postponed by an open secret ballot is taken
    // within the hour after it closes.
    id: 'nightly-backup',
    job: NightlyBackupJob,
    description:
      'Tager nattens sikkerhedskopi fra kl. 02.30 og sletter de gamle (venter, mens en hemmelig afstemning er åben)',
    everyMinutes: 60,
    timezone: DANISH_ZONE,
  },
  {
    id: 'nightly-clean-up',
    job: NightlyCleanUpJob,
    description: 'Sletter udløbne links, sessioner, midlertidige filer og gamle baggrundsjob',
    dailyAt: '03:15',
    timezone: DANISH_ZONE,
  },
  {
    id: 'daily-dues-reminders',
    job: AutomaticRemindersJob,
    description: 'Starter dagens rykkerkørsel, når automatiske rykkere er slået til',
    dailyAt: '09:00',
    timezone: DANISH_ZONE,
  },
]

/** The name the queue finds the job class by (what Job.schedule() uses). */
export function jobName(work: RecurringWork) {
  return work.job.options?.name ?? work.job.name
}
