import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { recordRequest } from '#operations/metrics/http_timings'

/** Times every request for GET /metrics; the route is known once the router has matched it. */
export default class RequestTimingMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const started = process.hrtime.bigint()
    try {
      await next()
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      recordRequest(ctx.request.method(), ctx.route?.pattern, ctx.response.getStatus(), seconds)
    }
  }
}
