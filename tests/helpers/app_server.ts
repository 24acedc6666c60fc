import { rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import Database from 'better-sqlite3'
import { freePort, runAce, startProcess, type RunningProcess } from '#tests/helpers/processes'

/**
 * The web server as its own process, on a database of its own filled with
 * the demo data, with the session store production uses: what a browser
 * sees across requests, never the test process's memory.
 */
export type AppServer = {
  base: string
  /** Rows of a query on the server's own database. */
  query<T>(sql: string, bindings?: unknown[]): Promise<T[]>
  /** Runs an ace command against the server's database (and its own extra settings). */
  ace(args: string[], env?: Record<string, string>): ReturnType<typeof runAce>
  stop(): Promise<void>
}

export async function startAppServer(name: string, env: Record<string, string> = {}) {
  const mysql = process.env.DB_CONNECTION === 'mysql'
  const sqlitePath = `tmp/${name}.sqlite3`
  const databaseEnv: Record<string, string> = mysql
    ? { DB_CONNECTION: 'mysql', MYSQL_DB_NAME: `kreds_test_${name.replace(/\W/g, '_')}` }
    : { DB_CONNECTION: 'sqlite', SQLITE_PATH: sqlitePath }

  if (mysql) await recreateMysqlDatabase(databaseEnv.MYSQL_DB_NAME)
  else await removeSqlite(sqlitePath)

  const prepared = await runAce(['kreds:prepare'], { env: databaseEnv, timeoutMs: 120_000 })
  if (prepared.code !== 0)
    throw new Error(`kreds:prepare failed:\n${prepared.stdout}${prepared.stderr}`)

  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const serverEnv = {
    ...databaseEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_URL: base,
    SESSION_DRIVER: 'database',
    LIMITER_STORE: 'memory',
    QUEUE_DRIVER: 'sync',
    MAIL_MAILER: 'outbox',
    // Pages need their assets: the Vite dev server serves them, as under `npm run dev`.
    DEV_MODE: 'true',
    ...env,
  }
  const server: RunningProcess = await startProcess(
    ['--import=@poppinss/ts-exec', 'bin/server.ts'],
    {
      env: serverEnv,
      readyWhen: async () => (await fetch(`${base}/ping`)).ok,
      timeoutMs: 90_000,
    }
  )

  const query = async <T>(sql: string, bindings: unknown[] = []): Promise<T[]> => {
    if (mysql) {
      const { createConnection } = await import('mysql2/promise')
      const connection = await createConnection({
        host: process.env.MYSQL_HOST ?? '127.0.0.1',
        port: Number(process.env.MYSQL_PORT ?? 3306),
        user: process.env.MYSQL_USER ?? 'root',
        password: process.env.MYSQL_PASSWORD ?? '',
        database: databaseEnv.MYSQL_DB_NAME,
      })
      try {
        const [rows] = await connection.query(sql, bindings)
        return rows as T[]
      } finally {
        await connection.end()
      }
    }
    const sqlite = new Database(app.makePath(sqlitePath), { readonly: true })
    try {
      return sqlite.prepare(sql).all(...bindings) as T[]
    } finally {
      sqlite.close()
    }
  }

  return {
    base,
    query,
    ace: (args: string[], extra: Record<string, string> = {}) =>
      runAce(args, { env: { ...databaseEnv, ...extra }, timeoutMs: 120_000 }),
    stop: async () => {
      await server.stop()
      if (!mysql) await removeSqlite(sqlitePath)
    },
  } satisfies AppServer
}

function removeSqlite(path: string) {
  return Promise.all(
    ['', '-wal', '-shm'].map((end) => rm(app.makePath(path + end), { force: true }))
  )
}

async function recreateMysqlDatabase(name: string) {
  const { createConnection } = await import('mysql2/promise')
  const connection = await createConnection({
    host: process.env.MYSQL_HOST ?? '127.0.0.1',
    port: Number(process.env.MYSQL_PORT ?? 3306),
    user: process.env.MYSQL_USER ?? 'root',
    password: process.env.MYSQL_PASSWORD ?? '',
  })
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``)
  await connection.query(
    `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_danish_ci`
  )
  await connection.end()
}
