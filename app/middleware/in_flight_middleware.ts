import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { requestsInFlight } from '#shared/in_flight'

/** Counts the requests being handled, so a stopping server can let them finish. */
export default class InFlightMiddleware {
  async handle(_ctx: HttpContext, next: NextFn) {
    requestsInFlight.enter()
    try {
      await next()
    } finally {
      requestsInFlight.leave()
    }
  }
}
