import { Gauge, Registry, collectDefaultMetrics } from 'prom-client'
import { registerHttpTimings } from '#operations/metrics/http_timings'
import { getQueueFigures, JOB_STATUSES } from '#operations/queries/queue_figures'
import { getMailFigures } from '#operations/queries/mail_figures'
import { checkDatabase, checkRedis } from '#operations/health_checks'
import { lastSuccessfulBackup } from '#operations/queries/backup_overview'

/*
| What GET /metrics shows. The queue, mail and service figures are read from
| the database once per scrape (metricsText), so every web process reports
| the same for them, and its own for HTTP timings and the process itself.
*/
const registry = new Registry()
collectDefaultMetrics({ register: registry, prefix: 'kreds_' })
registerHttpTimings(registry)

function gauge(name: string, help: string, label: string) {
  return new Gauge({ name, help, labelNames: [label], registers: [registry] })
}

const queueJobs = new Gauge({
  name: 'kreds_queue_jobs',
  help: 'Background jobs by queue and status (database queue driver).',
  labelNames: ['queue', 'status'] as const,
  registers: [registry],
})
const oldestWaiting = gauge(
  'kreds_queue_oldest_waiting_seconds',
  'How long the oldest job waiting to run has waited, by queue (0 when none waits).',
  'queue'
)
const newsletterMessages = gauge(
  'kreds_newsletter_messages',
  'Newsletter messages by delivery status, since the start (sent, failed, queued, …).',
  'status'
)
const mailEvents = gauge(
  'kreds_mail_events',
  'Bounces and complaints reported by the mail service, by type (hard, soft, complaint).',
  'type'
)
const serviceUp = gauge(
  'kreds_service_up',
  'Whether a service this process depends on answers (1) or not (0).',
  'service'
)
const serviceCheckSeconds = gauge(
  'kreds_service_check_seconds',
  'How long the health check of a service took.',
  'service'
)

const lastBackup = new Gauge({
  name: 'kreds_backup_last_success_timestamp_seconds',
  help: 'When the last nightly backup that succeeded was started, as Unix time (0 when none has).',
  registers: [registry],
})

/** Every series reported, 0 included, so an alert on "failed > 0" always has a series. */
function setAll(
  target: Gauge<string>,
  label: string,
  names: readonly string[],
  rows: { name: string; total: number }[]
) {
  target.reset()
  for (const name of names) target.set({ [label]: name }, 0)
  for (const row of rows) target.set({ [label]: row.name }, row.total)
}

/** The metrics in the Prometheus text format, each figure read once for this scrape. */
export async function metricsText() {
  const [queue, mail, database, redis, backup] = await Promise.all([
    getQueueFigures(),
    getMailFigures(),
    checkDatabase(),
    checkRedis(),
    // Left out of the scrape, rather than failing it, when the database cannot answer.
    lastSuccessfulBackup().catch(() => undefined),
  ])

  queueJobs.reset()
  oldestWaiting.reset()
  if (queue) {
    for (const name of new Set(['default', ...queue.jobs.map((row) => row.queue)]))
      for (const status of JOB_STATUSES) queueJobs.set({ queue: name, status }, 0)
    for (const row of queue.jobs) queueJobs.set({ queue: row.queue, status: row.status }, row.total)
    oldestWaiting.set({ queue: 'default' }, 0)
    for (const row of queue.oldestWaiting) oldestWaiting.set({ queue: row.queue }, row.seconds)
  }
  const byStatus = mail.deliveries.map((row) => ({ name: row.status, total: row.total }))
  setAll(newsletterMessages, 'status', ['queued', 'sent', 'failed'], byStatus)
  const byType = mail.events.map((row) => ({ name: row.type, total: row.total }))
  setAll(mailEvents, 'type', ['hard', 'soft', 'complaint'], byType)

  serviceUp.reset()
  serviceCheckSeconds.reset()
  serviceUp.set({ service: 'database' }, database.ok ? 1 : 0)
  serviceCheckSeconds.set({ service: 'database' }, database.ms / 1000)
  if (redis) {
    serviceUp.set({ service: 'redis' }, redis.ok ? 1 : 0)
    serviceCheckSeconds.set({ service: 'redis' }, redis.ms / 1000)
  }
  lastBackup.reset()
  if (backup !== undefined) lastBackup.set(backup ? Math.floor(backup.startedAt.toSeconds()) : 0)
  return { contentType: registry.contentType, text: await registry.metrics() }
}
