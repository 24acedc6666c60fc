import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'
import { loginOnServer } from '#identity/session_store'

/*
| A login is kept on the server (the database, or Redis when several web
| processes share it), never in the cookie: the cookie only names it, so
| ending a session on the server ends it everywhere. A visitor who is not
| logged in keeps its CSRF secret and messages in an encrypted cookie (see
| LoginOnServerStore). The memory store is for tests.
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
    database: loginOnServer(
      stores.database({ tableName: 'sessions', gcProbability: 1 }),
      stores.cookie()
    ),
    // Only configured when chosen, so that nothing else asks for Redis.
    ...(driver === 'redis'
      ? { redis: loginOnServer(stores.redis({ connection: 'main' }), stores.cookie()) }
      : {}),
  },
})
