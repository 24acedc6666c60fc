import { test } from '@japa/runner'
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import Database from 'better-sqlite3'
import * as tar from 'tar'
import {
  dropMysqlDatabase,
  fileDigests,
  mysqlDigests,
  mysqlQuery,
  recreateMysqlDatabase,
  sqliteDigests,
} from '#tests/helpers/backup_contents'
import {
  ownSqliteFile,
  runAce,
  type ProcessResult,
  runOnceWhateverTheSuiteDatabase,
} from '#tests/helpers/processes'

const NO_KEY = { BACKUP_ENCRYPTION_KEY: '' }
const STACK_FRAME = /at .*\.(ts|js):\d+/
const mysqlName = `${process.env.MYSQL_DB_NAME ?? 'kreds'}_restore`

function sqliteEnv(path: string) {
  return { DB_CONNECTION: 'sqlite', SQLITE_PATH: path, ...NO_KEY }
}

function mysqlEnv() {
  return { DB_CONNECTION: 'mysql', MYSQL_DB_NAME: mysqlName, ...NO_KEY }
}

function succeeded(result: ProcessResult) {
  return [result.code === 0, result.stdout + result.stderr] as const
}

test.group('Backup and restore (node ace backup, node ace restore)', (group) => {
  runOnceWhateverTheSuiteDatabase(group)
  const source = ownSqliteFile(group, 'tmp/backup-source-test.sqlite3')
  const target = ownSqliteFile(group, 'tmp/backup-target-test.sqlite3')
  const roundTrip = ownSqliteFile(group, 'tmp/backup-roundtrip-test.sqlite3')
  const work = app.makePath('tmp/backup-restore-test')
  const sourceFiles = join(work, 'source-files')
  const archive = join(work, 'kreds.tar.gz')

  group.setup(async () => {
    await rm(work, { recursive: true, force: true })
    // A media image, the association's logo, and an upload still being written.
    const media = join(sourceFiles, 'storage/media/0123456789abcdef0123456789abcdef')
    await mkdir(media, { recursive: true })
    await writeFile(join(media, '640.webp'), randomBytes(5000))
    await writeFile(join(media, '1280.webp'), randomBytes(9000))
    await mkdir(join(sourceFiles, 'storage/media/.incoming-ff'), { recursive: true })
    await writeFile(join(sourceFiles, 'storage/media/.incoming-ff/640.webp'), 'half')
    await mkdir(join(sourceFiles, 'tmp/uploads/association'), { recursive: true })
    await writeFile(join(sourceFiles, 'tmp/uploads/association/logo-1.png'), randomBytes(700))

    const prepared = await runAce(['kreds:prepare'], { env: source.env, timeoutMs: 180_000 })
    if (prepared.code !== 0) throw new Error(prepared.stdout + prepared.stderr)
    // A blob, so that binary columns travel too.
    const sqlite = new Database(app.makePath(source.path))
    sqlite
      .prepare(
        "INSERT INTO import_files (kind, file_name, sha256, content, changes, created_by, created_at) VALUES ('members', 'medlemmer.csv', 'x', ?, '[]', 'admin@example.org', '2026-12-01 10:00:00')"
      )
      .run(Buffer.from([0, 1, 2, 255, 0xc3, 0xa6]))
    // An id past 2^53, which a JavaScript number cannot hold exactly.
    sqlite.exec(
      "INSERT INTO audit_events (id, actor_type, actor_label, module, action, created_at) VALUES (9007199254740993, 'system', 'test', 'test', 'big', '2026-12-01 10:00:00')"
    )
    sqlite.close()

    const backup = await runAce(['backup', archive, '--files-root', sourceFiles], {
      env: sqliteEnv(source.path),
    })
    if (backup.code !== 0) throw new Error(backup.stdout + backup.stderr)
    return async () => {
      await rm(work, { recursive: true, force: true })
      await dropMysqlDatabase(mysqlName)
    }
  })

  test('a backup restores into an empty SQLite database with every row and file as they were', async ({
    assert,
  }) => {
    const files = join(work, 'target-files')
    const restored = await runAce(['restore', archive, '--files-root', files], {
      env: sqliteEnv(target.path),
    })
    assert.isTrue(...succeeded(restored))
    assert.match(restored.stdout, /users\s.*\s4\s/)
    assert.include(restored.stdout, 'checksums verified')

    const expected = sqliteDigests(source.path)
    assert.isAbove(Object.keys(expected).length, 40)
    assert.deepEqual(sqliteDigests(target.path), expected)
    // Every stored file but the upload that was still being written.
    const expectedFiles = await fileDigests(sourceFiles)
    assert.isString(expectedFiles['storage/media/.incoming-ff/640.webp'])
    delete expectedFiles['storage/media/.incoming-ff/640.webp']
    assert.lengthOf(Object.keys(expectedFiles), 3)
    assert.deepEqual(await fileDigests(files), expectedFiles)

    // A new row after the restore takes a new id, not one of the restored ones.
    const sqlite = new Database(app.makePath(target.path))
    const { highest } = sqlite.prepare('SELECT MAX(id) AS highest FROM tiers').get() as {
      highest: number
    }
    const inserted = sqlite
      .prepare(
        "INSERT INTO tiers (name, sort_order, created_at, updated_at) VALUES ('Ny', 9, '2026-12-04 10:00:00', '2026-12-04 10:00:00')"
      )
      .run()
    const big = sqlite
      .prepare("SELECT CAST(id AS TEXT) AS id FROM audit_events WHERE action = 'big'")
      .get()
    sqlite.close()
    assert.equal(Number(inserted.lastInsertRowid), highest + 1)
    assert.deepEqual(big, { id: '9007199254740993' })
  }).timeout(120_000)

  test('a backup moves from SQLite to MariaDB and back with every row as it was, taken while a write is open', async ({
    assert,
  }) => {
    await recreateMysqlDatabase(mysqlName)
    const files = join(work, 'mysql-files')
    const intoMysql = await runAce(['restore', archive, '--files-root', files], {
      env: mysqlEnv(),
      timeoutMs: 180_000,
    })
    assert.isTrue(...succeeded(intoMysql))
    const expected = sqliteDigests(source.path)
    assert.deepEqual(await mysqlDigests(mysqlName), expected)

    // MariaDB's counters continue after the restored ids.
    const [counter] = await mysqlQuery<{ next: number }>(
      mysqlName,
      `SELECT AUTO_INCREMENT AS next FROM information_schema.tables WHERE TABLE_SCHEMA = '${mysqlName}' AND TABLE_NAME = 'tiers'`
    )
    const [highest] = await mysqlQuery<{ id: number }>(mysqlName, 'SELECT MAX(id) AS id FROM tiers')
    assert.equal(Number(counter.next), highest.id + 1)
    const [big] = await mysqlQuery<{ id: string }>(
      mysqlName,
      "SELECT CAST(id AS CHAR) AS id FROM audit_events WHERE action = 'big'"
    )
    assert.equal(big.id, '9007199254740993')

    // A full MariaDB database is refused too, and emptied with --force.
    const refused = await runAce(['restore', archive, '--files-root', files], { env: mysqlEnv() })
    assert.equal(refused.code, 1)
    assert.include(refused.stdout + refused.stderr, 'The database is not empty')
    const forced = await runAce(['restore', archive, '--force', '--files-root', files], {
      env: mysqlEnv(),
      timeoutMs: 180_000,
    })
    assert.isTrue(...succeeded(forced))
    assert.deepEqual(await mysqlDigests(mysqlName), expected)

    // The app is writing meanwhile: a locked row and a new one, not yet committed.
    // The backup neither waits for them nor takes them.
    const { createConnection } = await import('mysql2/promise')
    const writer = await createConnection({
      host: process.env.MYSQL_HOST ?? '127.0.0.1',
      port: Number(process.env.MYSQL_PORT ?? 3306),
      user: process.env.MYSQL_USER ?? 'root',
      password: process.env.MYSQL_PASSWORD ?? '',
      database: mysqlName,
    })
    const fromMysql = join(work, 'from-mysql.tar.gz')
    let backup: ProcessResult
    try {
      await writer.query('START TRANSACTION')
      await writer.query("UPDATE tiers SET name = 'Låst' ORDER BY id LIMIT 1")
      await writer.query(
        "INSERT INTO tiers (name, sort_order, created_at, updated_at) VALUES ('Ny', 9, NOW(), NOW())"
      )
      backup = await runAce(['backup', fromMysql, '--files-root', files], { env: mysqlEnv() })
    } finally {
      await writer.query('ROLLBACK')
      await writer.end()
    }
    assert.isTrue(...succeeded(backup))
    const back = await runAce(['restore', fromMysql, '--files-root', join(work, 'back-files')], {
      env: sqliteEnv(roundTrip.path),
    })
    assert.isTrue(...succeeded(back))
    assert.deepEqual(sqliteDigests(roundTrip.path), expected)
    assert.deepEqual(
      await fileDigests(join(work, 'back-files')),
      await fileDigests(join(work, 'target-files'))
    )
  }).timeout(300_000)

  test('a damaged archive is refused, naming the table or the file that changed', async ({
    assert,
  }) => {
    const unpacked = join(work, 'damaged')
    await mkdir(unpacked, { recursive: true })
    await tar.extract({ file: archive, cwd: unpacked })
    const users = join(unpacked, 'tables/users.jsonl')
    const text = await readFile(users, 'utf8')
    await writeFile(users, text.replace('admin@example.org', 'admim@example.org'))
    const damaged = join(work, 'damaged.tar.gz')
    await tar.create({ gzip: true, file: damaged, cwd: unpacked }, [
      'manifest.json',
      'tables',
      'files',
    ])
    const empty = 'tmp/backup-damaged-test.sqlite3'
    const result = await runAce(['restore', damaged, '--files-root', join(work, 'unused')], {
      env: sqliteEnv(empty),
    })
    await rm(app.makePath(empty), { force: true })
    assert.equal(result.code, 1)
    assert.include(result.stdout + result.stderr, 'the rows of table users do not match')
    assert.notMatch(result.stdout + result.stderr, STACK_FRAME)

    // The rows as they were, one byte of an image changed.
    await writeFile(users, text)
    const image = join(unpacked, 'files/storage/media/0123456789abcdef0123456789abcdef/640.webp')
    const bytes = await readFile(image)
    bytes[100] = bytes[100] ^ 0xff
    await writeFile(image, bytes)
    await tar.create({ gzip: true, file: damaged, cwd: unpacked }, [
      'manifest.json',
      'tables',
      'files',
    ])
    const badFile = await runAce(['restore', damaged, '--files-root', join(work, 'unused')], {
      env: sqliteEnv(empty),
    })
    await rm(app.makePath(empty), { force: true })
    assert.equal(badFile.code, 1)
    assert.include(
      badFile.stdout + badFile.stderr,
      'the file storage/media/0123456789abcdef0123456789abcdef/640.webp does not match'
    )

    const missing = await runAce(['restore', join(work, 'nothing.tar.gz')], {
      env: sqliteEnv(empty),
    })
    assert.equal(missing.code, 1)
    assert.include(missing.stdout + missing.stderr, 'Cannot read the backup file')
    assert.notMatch(missing.stdout + missing.stderr, STACK_FRAME)

    const unreachable = await runAce(['restore', archive, '--files-root', join(work, 'unused')], {
      env: { DB_CONNECTION: 'mysql', MYSQL_HOST: '127.0.0.1', MYSQL_PORT: '1', ...NO_KEY },
    })
    assert.equal(unreachable.code, 1)
    assert.include(
      unreachable.stdout + unreachable.stderr,
      'The database cannot be reached (mysql): ECONNREFUSED'
    )
    assert.notMatch(unreachable.stdout + unreachable.stderr, STACK_FRAME)
  }).timeout(120_000)

  test('a database that holds data is refused without --force and emptied first with it', async ({
    assert,
  }) => {
    const files = join(work, 'target-files')
    const refused = await runAce(['restore', archive, '--files-root', files], {
      env: sqliteEnv(target.path),
    })
    assert.equal(refused.code, 1)
    assert.include(refused.stdout + refused.stderr, 'The database is not empty')
    assert.include(refused.stdout + refused.stderr, 'agenda_items (16)')
    assert.notMatch(refused.stdout + refused.stderr, STACK_FRAME)

    // The tier added after the first restore goes when --force empties the database.
    const forced = await runAce(['restore', archive, '--force', '--files-root', files], {
      env: sqliteEnv(target.path),
    })
    assert.isTrue(...succeeded(forced))
    assert.deepEqual(sqliteDigests(target.path), sqliteDigests(source.path))
  }).timeout(120_000)
})
