import { Histogram, type Registry } from 'prom-client'

/**
 * How long this process took to answer, by route pattern (never the raw
 * path: ids and tokens would make a series per member and leak tokens into
 * the monitoring system) and status class.
 */
export const httpDuration = new Histogram({
  name: 'kreds_http_request_duration_seconds',
  help: 'Time from receiving a request to sending the response, by route pattern and status class.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [],
})

export function registerHttpTimings(registry: Registry) {
  registry.registerMetric(httpDuration)
}

export function recordRequest(
  method: string,
  route: string | undefined,
  status: number,
  seconds: number
) {
  httpDuration.observe(
    { method, route: route ?? 'unmatched', status: `${Math.floor(status / 100)}xx` },
    seconds
  )
}
