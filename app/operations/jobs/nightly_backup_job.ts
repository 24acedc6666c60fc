import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { Actors } from '#audit/actor'
import { TakeNightlyBackup } from '#operations/backup/take_nightly_backup'

/**
 * Every hour from the queue's schedule (see recurring_work.ts); acts once a
 * night. A failed backup is recorded and mailed rather than thrown: the
 * queue's retries would mail the admins again within minutes.
 */
export default class NightlyBackupJob extends Job<Record<string, never>> {
  static options: JobOptions = { queue: 'default', maxRetries: 0 }

  async execute() {
    await new TakeNightlyBackup().handle(Actors.system('scheduler'))
  }
}
