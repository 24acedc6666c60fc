import type { Logger } from '@adonisjs/core/logger'
import env from '#start/env'
import { ResumeInterruptedSends } from '#newsletters/actions/resume_interrupted_sends'
import { registerRecurringWork } from '#operations/schedule/register_recurring_work'

/**
 * When a worker or the web server starts: resume what a stopped process
 * left, and make sure the queue's schedule holds the recurring work (the
 * minute's look at the sends among it). Both are safe to run from every
 * process at once.
 */
export async function resumeSendsOnStart(logger: Logger) {
  try {
    if (env.get('QUEUE_DRIVER') !== 'sync') {
      const { removed } = await registerRecurringWork()
      if (removed.length) {
        logger.info(
          `Recurring work no longer listed, taken off the schedule: ${removed.join(', ')}`
        )
      }
    }
    const resumed = await new ResumeInterruptedSends().handle()
    if (resumed.started.length || resumed.requeued || resumed.redispatched.length) {
      logger.info(
        `Newsletters resumed: ${resumed.started.length} scheduled started, ${resumed.requeued} interrupted deliveries queued again, ${resumed.redispatched.length} sends picked up`
      )
    }
  } catch (error) {
    logger.warn(`Newsletter sends could not be checked at start: ${(error as Error).message}`)
  }
}
