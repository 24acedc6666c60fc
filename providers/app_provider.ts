import type { ApplicationService } from '@adonisjs/core/types'
import { describeDatabaseError } from '#shared/database_errors'

/** Application-wide wiring that belongs to no module. */
export default class AppProvider {
  constructor(protected app: ApplicationService) {}

  async ready() {
    if (this.app.getEnvironment() === 'web') return this.#webReady()
    if (this.app.getEnvironment() === 'console') return this.#consoleReady()
  }

  /**
   * The web server starts even when the database is down (it answers 503 on
   * /health and a Danish error page), but says so plainly in the log. When
   * it is up, interrupted newsletter sends are resumed. A stopping server
   * lets the requests it has accepted finish first and writes the share
   * views that wait. While it runs, its heartbeat tells a restore so.
   */
  async #webReady() {
    const { startHeartbeat } = await import('#operations/heartbeat/process_heartbeat')
    const heartbeat = startHeartbeat('web')
    // On SIGTERM, requests already accepted finish before the database closes.
    this.app.terminating(async () => {
      const { untilNoRequestsInFlight } = await import('#shared/in_flight')
      await untilNoRequestsInFlight(10_000)
      const { shareViews } = await import('#newsletters/sharing/share_views')
      await shareViews.flush()
      await heartbeat.stop()
    })
    const db = await this.app.container.make('lucid.db')
    const logger = await this.app.container.make('logger')
    try {
      await db.rawQuery('SELECT 1')
    } catch (error) {
      logger.error(describeDatabaseError(error, db.primaryConnectionName))
      return
    }
    const { resumeSendsOnStart } = await import('#newsletters/sending/resume_on_start')
    await resumeSendsOnStart(logger)
  }

  /** A starting worker first picks up what a killed one left, and beats while it runs. */
  async #consoleReady() {
    const ace = await this.app.container.make('ace')
    ace.executing(async (command, isMainCommand) => {
      const name = (command.constructor as { commandName?: string }).commandName
      if (!isMainCommand || name !== 'queue:work') return
      const { startHeartbeat } = await import('#operations/heartbeat/process_heartbeat')
      const heartbeat = startHeartbeat('worker')
      this.app.terminating(() => heartbeat.stop())
      const logger = await this.app.container.make('logger')
      const { resumeSendsOnStart } = await import('#newsletters/sending/resume_on_start')
      await resumeSendsOnStart(logger)
    })
  }
}
