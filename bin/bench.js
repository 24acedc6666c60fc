/*
| `npm run bench`: a database of its own (tmp/bench.sqlite3, migrated and
| filled with the demo data), an SMTP sink on loopback in this process that
| accepts and discards, then `node ace kreds:bench` in its own process,
| which prints the table and writes tmp/bench.json. Not a test.
*/
import { spawnSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { SMTPServer } from 'smtp-server'

const root = fileURLToPath(new URL('../', import.meta.url))
mkdirSync(`${root}tmp`, { recursive: true })
for (const suffix of ['', '-wal', '-shm'])
  rmSync(`${root}tmp/bench.sqlite3${suffix}`, { force: true })

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
  SESSION_DRIVER: 'memory',
  DB_CONNECTION: 'sqlite',
  SQLITE_PATH: 'tmp/bench.sqlite3',
  MAIL_MAILER: 'smtp',
  MAIL_FROM_ADDRESS: 'sekretariat@example.org',
  MAIL_FROM_NAME: 'Kreds',
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(sink.server.address().port),
  SMTP_POOL_SIZE: '5',
  QUEUE_DRIVER: 'sync',
  LIMITER_STORE: 'memory',
}

function ace(args) {
  const result = spawnSync(process.execPath, ['ace', ...args], { cwd: root, env, stdio: 'inherit' })
  if (result.status !== 0) {
    sink.close()
    process.exit(result.status ?? 1)
  }
}

ace(['kreds:prepare'])
const bench = spawn(process.execPath, ['ace', 'kreds:bench'], { cwd: root, env, stdio: 'inherit' })
bench.on('exit', (code) => {
  sink.close()
  process.exit(code ?? 1)
})
