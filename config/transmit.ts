import env from '#start/env'
import { defineConfig } from '@adonisjs/transmit'
import { redis } from '@boringnode/bus/transports/redis'

/*
| Live updates (server-sent events) for the chair's screen. One web process
| needs no transport; several share events through Redis
| (TRANSMIT_TRANSPORT=redis, see README).
*/
export default defineConfig({
  pingInterval: '30s',
  transport:
    env.get('TRANSMIT_TRANSPORT') === 'redis'
      ? {
          driver: redis({
            host: env.get('REDIS_HOST') ?? '127.0.0.1',
            port: env.get('REDIS_PORT') ?? 6379,
            password: env.get('REDIS_PASSWORD') || undefined,
            db: env.get('REDIS_DB') ?? 0,
          }),
        }
      : null,
})
