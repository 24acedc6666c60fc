import { Gauge, Registry, collectDefaultMetrics } from 'prom-client'
import { registerHttpTimings } from '#operations/metrics/http_timings'
import { getQueueFigures, JOB_STATUSES } from '#operations/queries/queue_figures'
import { getMailFigures } from '#operations/queries/mail_figures'
import { checkDatabase, checkRedis } from '#operations/health_checks'

/*
| What GET /metrics shows. Gauges are read from the database when scraped,
| so every web process reports the same figures for the queue and mail, and
| its own for HTTP timings and the process itself.
*/
export const registry = new Registry()
collectDefaultMetrics({ register: registry, prefix: 'kreds_' })
registerHttpTimings(registry)

new Gauge({
  name: 'kreds_queue_jobs',
  help: 'Background jobs by queue and status (database queue driver).',
  labelNames: ['queue', 'status'] as const,
  registers: [registry],
  async collect() {
    this.reset()
    const figures = await getQueueFigures()
    if (!figures) return
    const queues = new Set(['default', ...figures.jobs.map((row) => row.queue)])
    // Every status of every queue is reported, 0 included, so an alert on "failed > 0" has a series.
    for (const queue of queues) for (const status of JOB_STATUSES) this.set({ queue, status }, 0)
    for (const row of figures.jobs) this.set({ queue: row.queue, status: row.status }, row.total)
  },
})

new Gauge({
  name: 'kreds_queue_oldest_waiting_seconds',
  help: 'How long the oldest job waiting to run has waited, by queue (0 when none waits).',
  labelNames: ['queue'] as const,
  registers: [registry],
  async collect() {
    this.reset()
    const figures = await getQueueFigures()
    if (!figures) return
    this.set({ queue: 'default' }, 0)
    for (const row of figures.oldestWaiting) this.set({ queue: row.queue }, row.seconds)
  },
})

new Gauge({
  name: 'kreds_newsletter_messages',
  help: 'Newsletter messages by delivery status, since the start (sent, failed, queued, …).',
  labelNames: ['status'] as const,
  registers: [registry],
  async collect() {
    this.reset()
    for (const status of ['queued', 'sent', 'failed']) this.set({ status }, 0)
    const { deliveries } = await getMailFigures()
    for (const row of deliveries) this.set({ status: row.status }, row.total)
  },
})

new Gauge({
  name: 'kreds_mail_events',
  help: 'Bounces and complaints reported by the mail service, by type (hard, soft, complaint).',
  labelNames: ['type'] as const,
  registers: [registry],
  async collect() {
    this.reset()
    for (const type of ['hard', 'soft', 'complaint']) this.set({ type }, 0)
    const { events } = await getMailFigures()
    for (const row of events) this.set({ type: row.type }, row.total)
  },
})

new Gauge({
  name: 'kreds_service_up',
  help: 'Whether a service this process depends on answers (1) or not (0).',
  labelNames: ['service'] as const,
  registers: [registry],
  async collect() {
    this.reset()
    const database = await checkDatabase()
    this.set({ service: 'database' }, database.ok ? 1 : 0)
    const redis = await checkRedis()
    if (redis) this.set({ service: 'redis' }, redis.ok ? 1 : 0)
  },
})

new Gauge({
  name: 'kreds_service_check_seconds',
  help: 'How long the health check of a service took.',
  labelNames: ['service'] as const,
  registers: [registry],
  async collect() {
    this.reset()
    const database = await checkDatabase()
    this.set({ service: 'database' }, database.ms / 1000)
    const redis = await checkRedis()
    if (redis) this.set({ service: 'redis' }, redis.ms / 1000)
  },
})
