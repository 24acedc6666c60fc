/*
| `npm run bench [-- --mysql] [-- --only=send]`: a database of its own,
| migrated and filled with the demo data (tmp/bench.sqlite3, or the MariaDB
| database kreds_bench with --mysql, where the queue and the limiter use
| Redis), then `node ace kreds:bench` in its own process, which starts what
| it measures against (an SMTP sink, workers), prints the table and writes
| tmp/bench.json. Not a test.
*/
import { spawnSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { SMTPServer } from 'smtp-server'

const root = fileURLToPath(new URL('../', import.meta.url))
const mysql = process.argv.includes('--mysql')
const passOn = process.argv.slice(2).filter((arg) => arg !== '--mysql')
mkdirSync(`${root}tmp`, { recursive: true })

if (mysql) {
  const { createConnection } = await import('mysql2/promise')
  const connection = await createConnection({
    host: process.env.MYSQL_HOST ?? '127.0.0.1',
    port: Number(process.env.MYSQL_PORT ?? 3306),
    user: process.env.MYSQL_USER ?? 'root',
    password: process.env.MYSQL_PASSWORD ?? '',
  })
  await connection.query('DROP DATABASE IF EXISTS kreds_bench')
  await connection.query(
    'CREATE DATABASE kreds_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_danish_ci'
  )
  await connection.end()
} else {
  for (const suffix of ['', '-wal', '-shm'])
    rmSync(`${root}tmp/bench.sqlite3${suffix}`, { force: true })
}

// Demo data sends a few mails while it is made; they go here.
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => {})
    stream.on('end', () => callback())
  },
})
await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve))

const env = {
  ...process.env,
  NODE_ENV: 'development',
  TZ: 'UTC',
  PORT: '3390',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  APP_KEY: randomBytes(32).toString('base64url'),
  APP_URL: 'http://127.0.0.1:3390',
  SESSION_DRIVER: 'database',
  DB_CONNECTION: mysql ? 'mysql' : 'sqlite',
  SQLITE_PATH: 'tmp/bench.sqlite3',
  MYSQL_DB_NAME: 'kreds_bench',
  MAIL_MAILER: 'smtp',
  MAIL_FROM_ADDRESS: 'sekretariat@example.org',
  MAIL_FROM_NAME: 'Kreds',
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(sink.server.address().port),
  SMTP_POOL_SIZE: process.env.SMTP_POOL_SIZE ?? '5',
  QUEUE_DRIVER: mysql ? 'redis' : 'database',
  REDIS_DB: '8',
  LIMITER_STORE: mysql ? 'redis' : 'memory',
}

const prepared = spawnSync(process.execPath, ['ace', 'kreds:prepare'], {
  cwd: root,
  env,
  stdio: 'inherit',
})
if (prepared.status !== 0) {
  sink.close()
  process.exit(prepared.status ?? 1)
}
const bench = spawn(
  process.execPath,
  [...(process.env.BENCH_NODE_OPTIONS?.split(' ') ?? []), 'ace', 'kreds:bench', ...passOn],
  { cwd: root, env, stdio: 'inherit' }
)
bench.on('exit', (code) => {
  sink.close()
  process.exit(code ?? 1)
})
