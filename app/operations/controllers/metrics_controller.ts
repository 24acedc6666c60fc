import { timingSafeEqual, createHash } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'

function digest(value: string) {
  return createHash('sha256').update(value).digest()
}

/** The bearer token matches METRICS_TOKEN, compared in constant time. */
function authorised(header: string | undefined, token: string) {
  const presented = header?.match(/^Bearer\s+(\S+)$/i)?.[1]
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token))
}

/**
 * GET /metrics in the Prometheus text format, for a scraper holding
 * METRICS_TOKEN. Without a token in the environment the route does not
 * exist, so a forgotten setting never publishes the figures.
 */
export default class MetricsController {
  async show({ request, response }: HttpContext) {
    const token = env.get('METRICS_TOKEN')?.release()
    if (!token) return response.notFound()
    if (!authorised(request.header('authorization'), token)) {
      // A scraper's answer, not a page: plain text, as the metrics themselves are.
      response.header('WWW-Authenticate', 'Bearer realm="metrics"')
      response.header('Content-Type', 'text/plain; charset=utf-8')
      return response.unauthorized('Unauthorized')
    }
    const { metricsText } = await import('#operations/metrics/registry')
    const { contentType, text } = await metricsText()
    response.header('Content-Type', contentType)
    return response.send(text)
  }
}
