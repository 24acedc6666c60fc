import { test } from '@japa/runner'
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import Database from 'better-sqlite3'
import * as tar from 'tar'
import { sqliteDigests } from '#tests/helpers/backup_contents'
import {
  ownSqliteFile,
  runAce,
  type ProcessResult,
  runOnceWhateverTheSuiteDatabase,
} from '#tests/helpers/processes'

const NO_KEY = { BACKUP_ENCRYPTION_KEY: '' }
const STACK_FRAME = /at .*\.(ts|js):\d+/

function succeeded(result: ProcessResult) {
  return [result.code === 0, result.stdout + result.stderr] as const
}

function sqliteEnv(path: string) {
  return { DB_CONNECTION: 'sqlite', SQLITE_PATH: path, ...NO_KEY }
}

async function manifestOf(archive: string, folder: string) {
  await mkdir(folder, { recursive: true })
  await tar.extract({ file: archive, cwd: folder })
  return JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as {
    lastMigration: string
    tables: Record<string, { rows: number }>
  }
}

test.group('Backup while Kreds runs, restore into newer code', (group) => {
  runOnceWhateverTheSuiteDatabase(group)
  const source = ownSqliteFile(group, 'tmp/backup-live-source-test.sqlite3')
  const older = ownSqliteFile(group, 'tmp/backup-live-older-test.sqlite3')
  const target = ownSqliteFile(group, 'tmp/backup-live-target-test.sqlite3')
  const work = app.makePath('tmp/backup-live-test')
  const files = join(work, 'files')

  group.setup(async () => {
    await rm(work, { recursive: true, force: true })
    await mkdir(files, { recursive: true })
    const prepared = await runAce(['kreds:prepare'], { env: source.env, timeoutMs: 180_000 })
    if (prepared.code !== 0) throw new Error(prepared.stdout + prepared.stderr)
    return () => rm(work, { recursive: true, force: true })
  })

  test('a backup is taken while another process holds the write lock, and leaves out what it has not committed', async ({
    assert,
  }) => {
    const writer = new Database(app.makePath(source.path))
    writer.pragma('journal_mode = WAL')
    const before = writer.prepare('SELECT COUNT(*) AS total FROM tiers').get() as {
      total: number
    }
    writer.exec('BEGIN IMMEDIATE')
    writer
      .prepare(
        "INSERT INTO tiers (name, sort_order, created_at, updated_at) VALUES ('Ny', 9, '2026-12-04 10:00:00', '2026-12-04 10:00:00')"
      )
      .run()
    const archive = join(work, 'live.tar.gz')
    let backup
    try {
      backup = await runAce(['backup', archive, '--files-root', files], {
        env: sqliteEnv(source.path),
      })
    } finally {
      writer.exec('COMMIT')
      writer.close()
    }
    assert.equal(backup.code, 0, backup.stdout + backup.stderr)
    const manifest = await manifestOf(archive, join(work, 'live'))
    assert.equal(manifest.tables.tiers.rows, before.total)
  }).timeout(120_000)

  test('an older backup restores into newer code: rows at their schema first, then the newer migrations', async ({
    assert,
  }) => {
    // The demo database as it was one migration ago.
    for (const end of ['', '-wal']) {
      await copyFile(app.makePath(source.path + end), app.makePath(older.path + end)).catch(
        () => undefined
      )
    }
    const rolledBack = await runAce(['migration:rollback', '--step', '1', '--force'], {
      env: sqliteEnv(older.path),
    })
    assert.equal(rolledBack.code, 0, rolledBack.stdout + rolledBack.stderr)
    const archive = join(work, 'older.tar.gz')
    const backup = await runAce(['backup', archive, '--files-root', files], {
      env: sqliteEnv(older.path),
    })
    assert.equal(backup.code, 0, backup.stdout + backup.stderr)
    const manifest = await manifestOf(archive, join(work, 'older'))

    const restored = await runAce(['restore', archive, '--files-root', join(work, 'restored')], {
      env: sqliteEnv(target.path),
    })
    assert.equal(restored.code, 0, restored.stdout + restored.stderr)
    assert.include(restored.stdout, '1 newer migration(s) applied')

    const sqlite = new Database(app.makePath(target.path), { readonly: true })
    const migrations = sqlite.prepare('SELECT name FROM adonis_schema ORDER BY id').all() as {
      name: string
    }[]
    sqlite.close()
    const current = new Database(app.makePath(source.path), { readonly: true })
    const all = current.prepare('SELECT name FROM adonis_schema ORDER BY id').all()
    current.close()
    assert.deepEqual(
      migrations.map((row) => row.name),
      all.map((row) => (row as { name: string }).name)
    )
    assert.notEqual(manifest.lastMigration, migrations.at(-1)!.name)
    // Every row of the older backup is there, in the newer schema.
    const digests = sqliteDigests(target.path)
    for (const [table, described] of Object.entries(manifest.tables)) {
      assert.equal(digests[table].rows, described.rows, table)
    }
  }).timeout(180_000)

  test('an encrypted backup needs its key', async ({ assert }) => {
    const sealed = join(work, 'sealed.tar.gz')
    const key = { BACKUP_ENCRYPTION_KEY: 'correct horse battery staple' }
    const backup = await runAce(['backup', sealed, '--files-root', files], {
      env: { ...sqliteEnv(source.path), ...key },
    })
    assert.isTrue(...succeeded(backup))
    // Sealed: not a gzip stream a reader could open without the key.
    const head = await readFile(sealed)
    assert.notDeepEqual([head[0], head[1]], [0x1f, 0x8b])

    const empty = 'tmp/backup-sealed-test.sqlite3'
    const restoredFiles = join(work, 'sealed-files')
    const withoutKey = await runAce(['restore', sealed, '--files-root', restoredFiles], {
      env: sqliteEnv(empty),
    })
    assert.equal(withoutKey.code, 1)
    assert.include(withoutKey.stdout + withoutKey.stderr, 'set BACKUP_ENCRYPTION_KEY')
    const wrongKey = await runAce(['restore', sealed, '--files-root', restoredFiles], {
      env: { ...sqliteEnv(empty), BACKUP_ENCRYPTION_KEY: 'wrong' },
    })
    assert.equal(wrongKey.code, 1)
    assert.include(wrongKey.stdout + wrongKey.stderr, 'the key is wrong')
    assert.notMatch(wrongKey.stdout + wrongKey.stderr, STACK_FRAME)

    const restored = await runAce(['restore', sealed, '--files-root', restoredFiles], {
      env: { ...sqliteEnv(empty), ...key },
    })
    try {
      assert.isTrue(...succeeded(restored))
      assert.deepEqual(sqliteDigests(empty), sqliteDigests(source.path))
    } finally {
      await Promise.all(
        ['', '-wal', '-shm'].map((end) => rm(app.makePath(empty + end), { force: true }))
      )
    }
  }).timeout(120_000)
})
