import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { Actors } from '#audit/actor'
import { CleanUpExpiredData } from '#operations/retention/clean_up_expired_data'

/** Every night from the queue's schedule (see recurring_work.ts). */
export default class NightlyCleanUpJob extends Job<Record<string, never>> {
  static options: JobOptions = { queue: 'default', maxRetries: 2 }

  async execute() {
    await new CleanUpExpiredData().handle(Actors.system('scheduler'))
  }
}
