/*
| Every environment variable Kreds reads, validated at boot. The README lists
| them; .env.example holds the development defaults.
*/
import { Env } from '@adonisjs/core/env'
import { defaultAppUrl } from '#shared/app_url_default'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  HOST: Env.schema.string({ format: 'host' }),
  APP_KEY: Env.schema.secret(),
  // Left out in development and tests, it follows HOST and PORT (app/shared/app_url_default.ts).
  APP_URL: (key: string, value?: string) =>
    value
      ? Env.schema.string({ format: 'url', tld: false })(key, value)
      : defaultAppUrl(process.env),
  LOG_LEVEL: Env.schema.enum([
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const),

  SESSION_DRIVER: Env.schema.enum(['database', 'redis', 'memory'] as const),

  DB_CONNECTION: Env.schema.enum(['sqlite', 'mysql'] as const),
  SQLITE_PATH: Env.schema.string.optional(),
  MYSQL_HOST: Env.schema.string.optional({ format: 'host' }),
  MYSQL_PORT: Env.schema.number.optional(),
  MYSQL_USER: Env.schema.string.optional(),
  MYSQL_PASSWORD: Env.schema.string.optional(),
  MYSQL_DB_NAME: Env.schema.string.optional(),

  MAIL_MAILER: Env.schema.enum(['outbox', 'smtp'] as const),
  MAIL_FROM_ADDRESS: Env.schema.string({ format: 'email' }),
  MAIL_FROM_NAME: Env.schema.string(),
  // Who mail comes from: the association's name and address from its settings, or MAIL_FROM_* as set here.
  MAIL_FROM_SOURCE: Env.schema.enum.optional(['association', 'config'] as const),
  // Where List-Unsubscribe's mailto points; the association's e-mail when unset.
  NEWSLETTER_UNSUBSCRIBE_ADDRESS: Env.schema.string.optional({ format: 'email' }),
  SMTP_HOST: Env.schema.string.optional(),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_SECURE: Env.schema.boolean.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.string.optional(),
  SMTP_POOL_SIZE: Env.schema.number.optional(),
  // Newsletters: messages per second over all workers (none when unset), and
  // how long a claimed delivery may go without a sign of life before another worker takes it.
  NEWSLETTER_RATE_LIMIT: Env.schema.number.optional(),
  NEWSLETTER_CLAIM_TIMEOUT: Env.schema.number.optional(),
  // Share-link views are written in groups this many milliseconds apart (0: each at once).
  SHARE_VIEW_FLUSH_MS: Env.schema.number.optional(),
  // Signing of every message (RFC 6376); the key is a PEM file's path.
  DKIM_DOMAIN: Env.schema.string.optional(),
  DKIM_SELECTOR: Env.schema.string.optional(),
  DKIM_PRIVATE_KEY: Env.schema.string.optional(),
  // Bounces: the domain of the per-delivery return path, and the webhook's shared secret.
  BOUNCE_DOMAIN: Env.schema.string.optional(),
  MAIL_EVENTS_SECRET: Env.schema.secret.optional(),
  // Bearer token of GET /metrics; without it the route answers 404.
  METRICS_TOKEN: Env.schema.secret.optional(),
  // Seals `node ace backup` archives (AES-256-GCM); `node ace restore` needs the same key.
  BACKUP_ENCRYPTION_KEY: Env.schema.secret.optional(),

  QUEUE_DRIVER: Env.schema.enum(['database', 'redis', 'sync'] as const),
  REDIS_HOST: Env.schema.string.optional({ format: 'host' }),
  REDIS_PORT: Env.schema.number.optional(),
  REDIS_PASSWORD: Env.schema.string.optional(),
  REDIS_DB: Env.schema.number.optional(),
  // Live updates between several web processes: memory (one process) or redis.
  TRANSMIT_TRANSPORT: Env.schema.enum.optional(['memory', 'redis'] as const),

  LIMITER_STORE: Env.schema.enum(['database', 'redis', 'memory'] as const),
})
