import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { ExecuteDuesRun } from '#dues/actions/execute_dues_run'

/** A confirmed dues run, by id; a retry resumes at the first item not yet done. */
export default class RunDuesJob extends Job<{ runId: number }> {
  static options: JobOptions = { queue: 'default', maxRetries: 3 }

  async execute() {
    await new ExecuteDuesRun().handle(this.payload)
  }
}
