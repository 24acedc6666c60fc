import { connect } from 'node:net'

/** Whether something accepts TCP connections at host:port, within a short time. */
export function isListening(host: string, port: number, timeoutMs = 500) {
  return new Promise<boolean>((resolve) => {
    const socket = connect({ host, port })
    const done = (result: boolean) => {
      socket.destroy()
      resolve(result)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/** Where the Redis tests look for Redis: REDIS_HOST and REDIS_PORT, as the app does. */
export function redisAddress() {
  return {
    host: process.env.REDIS_HOST || '127.0.0.1',
    port: Number(process.env.REDIS_PORT || 6379),
  }
}

/** The reason a skipped Redis test gives, with the address it tried. */
export function redisSkipReason() {
  const { host, port } = redisAddress()
  return `Redis is not reachable at ${host}:${port} (REDIS_HOST, REDIS_PORT); it is required in CI`
}

/**
 * For `test(...).skip(redisMissing, redisSkipReason())`: a machine without
 * Redis reports the test as skipped with its reason instead of as passed.
 * In CI (CI set) it is never skipped: the test runs and requireRedis() fails it.
 */
export async function redisMissing() {
  if (process.env.CI) return false
  const { host, port } = redisAddress()
  return !(await isListening(host, port))
}

/** The first line of a Redis test: in CI a missing Redis fails here, with the address tried. */
export async function requireRedis() {
  const { host, port } = redisAddress()
  if (!(await isListening(host, port)))
    throw new Error(
      `Redis is required (CI runs every Redis test); nothing listens on ${host}:${port}`
    )
  return { host, port }
}
