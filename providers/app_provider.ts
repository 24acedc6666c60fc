import type { ApplicationService } from '@adonisjs/core/types'
import { describeDatabaseError } from '#shared/database_errors'

/** Application-wide wiring that belongs to no module. */
export default class AppProvider {
  constructor(protected app: ApplicationService) {}

  /**
   * The web server starts even when the database is down (it answers 503 on
   * /health and a Danish error page), but says so plainly in the log.
   */
  async ready() {
    if (this.app.getEnvironment() !== 'web') return
    const db = await this.app.container.make('lucid.db')
    const logger = await this.app.container.make('logger')
    try {
      await db.rawQuery('SELECT 1')
    } catch (error) {
      logger.error(describeDatabaseError(error, db.primaryConnectionName))
    }
  }
}
