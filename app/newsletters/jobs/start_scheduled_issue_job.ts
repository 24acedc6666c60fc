import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { StartScheduledIssues } from '#newsletters/actions/start_scheduled_issues'

/**
 * Dispatched with a delay when an issue is scheduled. It starts whatever is
 * due, so a job that runs late or twice does no harm.
 */
export default class StartScheduledIssueJob extends Job<{ issueId: number }> {
  static options: JobOptions = { queue: 'default', maxRetries: 3 }

  async execute() {
    await new StartScheduledIssues().handle()
  }
}
