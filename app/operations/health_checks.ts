import env from '#start/env'
import db from '@adonisjs/lucid/services/db'

export type Check = { ok: boolean; ms: number }

/** A check that does not answer within this time counts as down: a probe must answer quickly. */
const CHECK_TIMEOUT_MS = 2000

async function timed(probe: () => Promise<unknown>): Promise<Check> {
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer in time')), CHECK_TIMEOUT_MS)
      }),
    ])
    return { ok: true, ms: Math.round(performance.now() - started) }
  } catch {
    // Why is for the logs of the service itself; a public probe says only that it is down.
    return { ok: false, ms: Math.round(performance.now() - started) }
  } finally {
    clearTimeout(timer)
  }
}

/** Redis matters only where a setting sends something there: sessions, the queue, limits, live updates. */
export function usesRedis() {
  return (
    env.get('QUEUE_DRIVER') === 'redis' ||
    env.get('SESSION_DRIVER') === 'redis' ||
    env.get('LIMITER_STORE') === 'redis' ||
    env.get('TRANSMIT_TRANSPORT') === 'redis'
  )
}

export function checkDatabase() {
  return timed(() => db.rawQuery('SELECT 1'))
}

export async function checkRedis(): Promise<Check | null> {
  if (!usesRedis()) return null
  const { default: redis } = await import('@adonisjs/redis/services/main')
  return timed(() => redis.connection('main').ping())
}

/** Ready to serve: every service this process depends on answers. */
export async function readiness() {
  const [database, redis] = await Promise.all([checkDatabase(), checkRedis()])
  return { ready: database.ok && (redis?.ok ?? true), database, redis }
}
