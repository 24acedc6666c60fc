import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { StartAutomaticReminders } from '#operations/schedule/start_automatic_reminders'

/** Every morning from the queue's schedule; does nothing unless automatic reminders are on. */
export default class AutomaticRemindersJob extends Job<Record<string, never>> {
  static options: JobOptions = { queue: 'default', maxRetries: 2 }

  async execute() {
    await new StartAutomaticReminders().handle()
  }
}
