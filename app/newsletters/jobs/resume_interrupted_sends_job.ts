import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { ResumeInterruptedSends } from '#newsletters/actions/resume_interrupted_sends'

/** Every minute from the queue's schedule: no send stays stuck behind a dead process. */
export default class ResumeInterruptedSendsJob extends Job<Record<string, never>> {
  static options: JobOptions = { queue: 'default', maxRetries: 0 }

  async execute() {
    await new ResumeInterruptedSends().handle()
  }
}
