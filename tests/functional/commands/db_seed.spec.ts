import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import Database from 'better-sqlite3'
import { ownSqliteFile, runAce, runOnceWhateverTheSuiteDatabase } from '#tests/helpers/processes'

/** A stack trace's frame, which a person running a command must never be shown. */
const STACK_FRAME = /at .*\.(ts|js):\d+/

test.group('Demo data by convention (node ace db:seed)', (group) => {
  runOnceWhateverTheSuiteDatabase(group)
  const { path: databaseFile, env: sqliteEnv } = ownSqliteFile(group, 'tmp/db-seed-test.sqlite3')
  const env = { ...sqliteEnv, NODE_ENV: 'development' }
  const productionFile = ownSqliteFile(group, 'tmp/db-seed-production-test.sqlite3')

  function count(table: string, file = databaseFile) {
    const sqlite = new Database(app.makePath(file), { readonly: true })
    try {
      return (sqlite.prepare(`SELECT COUNT(*) AS total FROM ${table}`).get() as { total: number })
        .total
    } finally {
      sqlite.close()
    }
  }

  test('before the first migration it says to migrate; then it fills the empty database with Social Talks; a second run refuses and changes nothing', async ({
    assert,
  }) => {
    const unmigrated = await runAce(['db:seed'], { env })
    assert.equal(unmigrated.code, 1)
    assert.include(unmigrated.stdout + unmigrated.stderr, 'run `node ace migration:run` first')
    assert.notMatch(unmigrated.stdout + unmigrated.stderr, STACK_FRAME)

    const migrated = await runAce(['migration:run'], { env })
    assert.equal(migrated.code, 0, migrated.stdout + migrated.stderr)

    const seeded = await runAce(['db:seed'], { env })
    assert.equal(seeded.code, 0, seeded.stdout + seeded.stderr)
    assert.include(seeded.stdout, 'completed')
    assert.equal(count('users'), 4)
    const organisations = count('organisations')
    const invoices = count('invoices')
    assert.isAbove(organisations, 0)
    assert.isAbove(invoices, 0)

    const again = await runAce(['db:seed'], { env })
    assert.equal(again.code, 1)
    const said = again.stdout + again.stderr
    assert.include(said, `The database already holds data (4 users, ${organisations} organisations`)
    assert.include(said, 'db:seed fills only an empty database')
    assert.notMatch(said, STACK_FRAME)
    assert.equal(count('users'), 4)
    assert.equal(count('organisations'), organisations)
    assert.equal(count('invoices'), invoices)
  }).timeout(180_000)

  test('in production it seeds nothing and says so', async ({ assert }) => {
    const production = {
      ...productionFile.env,
      NODE_ENV: 'production',
      MAIL_MAILER: 'smtp',
      SMTP_HOST: '127.0.0.1',
    }
    assert.equal((await runAce(['migration:run', '--force'], { env: production })).code, 0)
    const result = await runAce(['db:seed'], { env: production })
    assert.include(result.stdout + result.stderr, 'Disabled in "production" environment')
    assert.notMatch(result.stdout + result.stderr, STACK_FRAME)
    assert.equal(count('users', productionFile.path), 0)
  }).timeout(60_000)
})
