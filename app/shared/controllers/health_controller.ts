import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { readiness } from '#operations/health_checks'

/**
 * For load balancers and monitoring. `/health` and `/health/ready`: ready to
 * serve, 200 when the database (and Redis, where settings use it) answers,
 * 503 when not. `/health/live`: the process runs and answers, without
 * touching anything else, so a restart is never triggered by a database
 * outage that a restart cannot fix.
 */
export default class HealthController {
  async show({ response }: HttpContext) {
    const { ready, database, redis } = await readiness()
    const body = {
      status: ready ? 'ok' : 'unavailable',
      alive: true,
      ready,
      database: { connection: db.primaryConnectionName, ...database },
      ...(redis ? { redis } : {}),
    }
    return ready ? response.ok(body) : response.serviceUnavailable(body)
  }

  live({ response }: HttpContext) {
    return response.ok({ status: 'ok', alive: true })
  }
}
