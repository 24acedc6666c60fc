import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'

/** For load balancers and monitoring: 200 when the database answers, 503 when not. */
export default class HealthController {
  async show({ response }: HttpContext) {
    const started = performance.now()
    try {
      await db.rawQuery('SELECT 1')
      return response.ok({
        status: 'ok',
        database: {
          connection: db.primaryConnectionName,
          ok: true,
          ms: Math.round(performance.now() - started),
        },
      })
    } catch {
      return response.serviceUnavailable({
        status: 'unavailable',
        database: { connection: db.primaryConnectionName, ok: false },
      })
    }
  }
}
