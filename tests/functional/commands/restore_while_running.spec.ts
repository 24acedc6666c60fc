import { test } from '@japa/runner'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import Database from 'better-sqlite3'
import { DateTime } from 'luxon'
import { heartbeatTime } from '#operations/heartbeat/process_heartbeat'
import {
  freePort,
  ownSqliteFile,
  runAce,
  runOnceWhateverTheSuiteDatabase,
  startProcess,
  type RunningProcess,
} from '#tests/helpers/processes'

/*
| A restore replaces the tables under a running web server or worker, which
| would go on writing into them with what it held in memory: `node ace
| restore` refuses while a process's heartbeat is recent, and says which.
*/

function heartbeats(path: string) {
  const sqlite = new Database(app.makePath(path), { readonly: true })
  try {
    return sqlite.prepare('SELECT kind, pid FROM process_heartbeats').all() as {
      kind: string
      pid: number
    }[]
  } finally {
    sqlite.close()
  }
}

function insertHeartbeat(path: string, seenAt: DateTime) {
  const sqlite = new Database(app.makePath(path))
  sqlite
    .prepare(
      "INSERT INTO process_heartbeats (id, kind, host, pid, started_at, seen_at) VALUES (?, 'web', 'web-1', 4242, ?, ?)"
    )
    .run(`beat-${seenAt.toMillis()}`, heartbeatTime(seenAt), heartbeatTime(seenAt))
  sqlite.close()
}

test.group('node ace restore while Kreds runs', (group) => {
  runOnceWhateverTheSuiteDatabase(group)
  const database = ownSqliteFile(group, 'tmp/restore-running-test.sqlite3')
  const env = { ...database.env, BACKUP_ENCRYPTION_KEY: '', QUEUE_DRIVER: 'database' }
  const work = app.makePath('tmp/restore-running-test')
  const archive = join(work, 'kreds.tar.gz')
  const files = join(work, 'files')
  const running: RunningProcess[] = []

  group.setup(async () => {
    await rm(work, { recursive: true, force: true })
    await mkdir(files, { recursive: true })
    const migrated = await runAce(['migration:run', '--force'], { env })
    if (migrated.code !== 0) throw new Error(migrated.stdout + migrated.stderr)
    const backup = await runAce(['backup', archive, '--files-root', files], { env })
    if (backup.code !== 0) throw new Error(backup.stdout + backup.stderr)
    return () => rm(work, { recursive: true, force: true })
  })
  group.each.teardown(async () => {
    await Promise.all(running.splice(0).map((process) => process.stop()))
  })

  test('a running worker makes the restore refuse, naming it; stopped, the restore goes ahead', async ({
    assert,
  }) => {
    const worker = await startProcess(['ace', 'queue:work'], {
      env,
      readyWhen: async () => heartbeats(database.path).length > 0,
    })
    running.push(worker)
    const [beat] = heartbeats(database.path)
    assert.equal(beat.kind, 'worker')

    const refused = await runAce(['restore', archive, '--force', '--files-root', files], { env })
    assert.equal(refused.code, 1, refused.stdout + refused.stderr)
    assert.include(refused.stdout + refused.stderr, 'Kreds is still running against this database')
    assert.include(refused.stdout + refused.stderr, `worker on`)
    assert.include(refused.stdout + refused.stderr, `(pid ${beat.pid})`)
    assert.include(refused.stdout + refused.stderr, '--ignore-running')
    // Refused before anything was touched: the worker's row is still there.
    assert.lengthOf(heartbeats(database.path), 1)

    // A worker that stops (SIGTERM, as a process supervisor sends) removes its heartbeat.
    await worker.stop()
    assert.deepEqual(heartbeats(database.path), [])
    const restored = await runAce(['restore', archive, '--force', '--files-root', files], { env })
    assert.equal(restored.code, 0, restored.stdout + restored.stderr)
  }).timeout(120_000)

  test('a web server beats while it serves and removes its heartbeat when it stops', async ({
    assert,
  }) => {
    const port = await freePort()
    const server = await startProcess(['--import=@poppinss/ts-exec', 'bin/server.ts'], {
      env: { ...env, PORT: String(port), HOST: '127.0.0.1', QUEUE_DRIVER: 'sync' },
      readyWhen: async () => heartbeats(database.path).length > 0,
      timeoutMs: 90_000,
    })
    running.push(server)
    assert.deepEqual(
      heartbeats(database.path).map((beat) => beat.kind),
      ['web']
    )
    await server.stop()
    assert.deepEqual(heartbeats(database.path), [])
  }).timeout(120_000)

  test('a recent mark refuses unless --ignore-running; a killed process stops counting after 90 seconds', async ({
    assert,
  }) => {
    insertHeartbeat(database.path, DateTime.utc().minus({ minutes: 10 }))
    const stale = await runAce(['restore', archive, '--force', '--files-root', files], { env })
    assert.equal(stale.code, 0, stale.stdout + stale.stderr)

    insertHeartbeat(database.path, DateTime.utc().minus({ seconds: 20 }))
    const refused = await runAce(['restore', archive, '--force', '--files-root', files], { env })
    assert.equal(refused.code, 1, refused.stdout + refused.stderr)
    assert.match(refused.stdout + refused.stderr, /web server on web-1 \(pid 4242\) seen 2\d s ago/)

    const forced = await runAce(
      ['restore', archive, '--force', '--ignore-running', '--files-root', files],
      { env }
    )
    assert.equal(forced.code, 0, forced.stdout + forced.stderr)
    assert.deepEqual(heartbeats(database.path), [])
  }).timeout(120_000)

  test('a background job a worker took moments ago counts as a running worker', async ({
    assert,
  }) => {
    const sqlite = new Database(app.makePath(database.path))
    sqlite
      .prepare(
        "INSERT INTO queue_jobs (id, queue, status, data, worker_id, acquired_at) VALUES ('job-1', 'default', 'active', '{}', 'w1', ?)"
      )
      .run(Date.now() - 5_000)
    sqlite.close()
    const refused = await runAce(['restore', archive, '--force', '--files-root', files], { env })
    assert.equal(refused.code, 1, refused.stdout + refused.stderr)
    assert.include(refused.stdout + refused.stderr, '1 background job(s) running')
  }).timeout(60_000)
})
