import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'

/*
| Sessions are kept on the server (the database, or Redis when several web
| processes share it), never in the cookie: the cookie only names a row, so
| ending a session on the server ends it everywhere. The memory store is for
| tests and one-off processes.
*/
const driver = env.get('SESSION_DRIVER')

export default defineConfig({
  enabled: true,
  cookieName: 'kreds-session',
  clearWithBrowser: false,
  age: '8h',
  cookie: { path: '/', httpOnly: true, secure: app.inProduction, sameSite: 'lax' },
  store: driver,
  stores: {
    database: stores.database({ tableName: 'sessions', gcProbability: 1 }),
    // Only configured when chosen: the Redis store connects as it is made.
    ...(driver === 'redis' ? { redis: stores.redis({ connection: 'main' }) } : {}),
  },
})
