import { test } from '@japa/runner'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import Database from 'better-sqlite3'
import { ownSqliteFile, runAce, runOnceWhateverTheSuiteDatabase } from '#tests/helpers/processes'

test.group('First start (node ace kreds:prepare)', (group) => {
  runOnceWhateverTheSuiteDatabase(group)
  const { path: databaseFile, env } = ownSqliteFile(group, 'tmp/first-start-test.sqlite3')

  test('migrates an empty database, seeds Social Talks and prints the demo logins; a second start changes nothing', async ({
    assert,
  }) => {
    const first = await runAce(['kreds:prepare'], { env })
    assert.equal(first.code, 0, first.stdout + first.stderr)
    assert.include(first.stdout, 'Applied')
    assert.include(first.stdout, 'Filled the empty database with demo data')
    for (const email of [
      'admin@example.org',
      'board@example.org',
      'treasurer@example.org',
      'secretariat@example.org',
    ]) {
      assert.include(first.stdout, email)
    }
    assert.include(first.stdout, 'kreds-demo')

    const second = await runAce(['kreds:prepare'], { env })
    assert.equal(second.code, 0)
    assert.include(second.stdout, 'is up to date')
    assert.notInclude(second.stdout, 'Filled the empty database')

    const sqlite = new Database(app.makePath(databaseFile), { readonly: true })
    const users = sqlite.prepare('SELECT email, role FROM users ORDER BY id').all()
    const association = sqlite
      .prepare('SELECT name, founded_on, notice_days FROM association_settings')
      .get()
    const issues = sqlite
      .prepare(
        'SELECT subject, status, compiled_html IS NOT NULL AS compiled FROM newsletter_issues ORDER BY id'
      )
      .all()
    const subscribers = sqlite.prepare('SELECT COUNT(*) AS total FROM subscribers').get()
    const shares = sqlite
      .prepare(
        'SELECT kind, COUNT(*) AS total FROM newsletter_share_events GROUP BY kind ORDER BY kind'
      )
      .all()
    const assemblies = sqlite.prepare('SELECT title, status FROM assemblies ORDER BY id').all() as {
      title: string
      status: string
    }[]
    const signedMinutes = sqlite
      .prepare("SELECT COUNT(*) AS total FROM minutes WHERE status = 'signed'")
      .get()
    const credited = sqlite
      .prepare('SELECT COUNT(*) AS total FROM subscribers WHERE referred_by_id IS NOT NULL')
      .get()
    sqlite.close()
    assert.deepEqual(users, [
      { email: 'admin@example.org', role: 'admin' },
      { email: 'board@example.org', role: 'board' },
      { email: 'treasurer@example.org', role: 'treasurer' },
      { email: 'secretariat@example.org', role: 'secretariat' },
    ])
    assert.deepInclude(association, { name: 'Social Talks', notice_days: 14 })
    // The first newsletter went out and was shared; the second waits as a draft.
    assert.deepEqual(issues, [
      { subject: 'Velkommen til Social Talks', status: 'sent', compiled: 1 },
      {
        subject: 'Vidensmægleruddannelsen: sidste chance for at komme med',
        status: 'draft',
        compiled: 0,
      },
    ])
    assert.deepEqual(subscribers, { total: 40 })
    assert.deepEqual(shares, [
      { kind: 'forward', total: 4 },
      { kind: 'signup', total: 3 },
      { kind: 'view', total: 21 },
    ])
    assert.deepEqual(credited, { total: 3 })
    // The founding assembly, held and minuted; the next one planned.
    assert.deepEqual(assemblies[0], { title: 'Stiftende generalforsamling', status: 'closed' })
    assert.equal(assemblies[1].status, 'planned')
    assert.deepEqual(signedMinutes, { total: 1 })
  })

  test('says clearly when the database cannot be reached', async ({ assert }) => {
    const result = await runAce(['kreds:prepare'], {
      env: { DB_CONNECTION: 'mysql', MYSQL_HOST: '127.0.0.1', MYSQL_PORT: '1' },
    })
    assert.equal(result.code, 1)
    assert.include(
      result.stdout + result.stderr,
      'The database cannot be reached (mysql): ECONNREFUSED'
    )
    assert.notMatch(result.stdout + result.stderr, /at .*\.(ts|js):\d+/)
  })

  test('keeps an absolute SQLITE_PATH as given, outside the app root', async ({ assert }) => {
    const folder = await mkdtemp(join(tmpdir(), 'kreds-sqlite-'))
    try {
      const file = join(folder, 'kreds.sqlite3')
      const result = await runAce(['migration:run', '--force'], {
        env: { DB_CONNECTION: 'sqlite', SQLITE_PATH: file },
      })
      assert.equal(result.code, 0, result.stdout + result.stderr)
      const sqlite = new Database(file, { readonly: true })
      const tables = sqlite
        .prepare("SELECT COUNT(*) AS total FROM sqlite_master WHERE name = 'organisations'")
        .get()
      sqlite.close()
      assert.deepEqual(tables, { total: 1 })
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})
