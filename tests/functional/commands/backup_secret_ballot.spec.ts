import { test } from '@japa/runner'
import { rm, stat } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import Database from 'better-sqlite3'
import { assemblyWithMembers, openBallot } from '#tests/helpers/assemblies'
import { ownSqliteFile, runAce, runOnceWhateverTheSuiteDatabase } from '#tests/helpers/processes'
import Backup from '../../../commands/backup.js'

/*
| A copy of the database taken while a secret ballot is open could pair the
| votes with the voters: `node ace backup` refuses then, naming the ballot,
| unless the operator says they will delete the copy once it has closed.
*/

const archive = app.makePath('tmp/secret-ballot-backup-test.tar.gz')
const filesRoot = app.makePath('tmp/secret-ballot-backup-files')

test.group('node ace backup while a secret ballot is open', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => () => rm(archive, { force: true }))

  test('refuses, names the open secret ballot and writes nothing', async ({ assert }) => {
    const { assembly } = await assemblyWithMembers({ members: 2 })
    await openBallot(assembly, { secret: true, question: 'Valg af formand' })

    const ace = await app.container.make('ace')
    ace.ui.switchMode('raw')
    const command = await ace.create(Backup, [archive, '--files-root', filesRoot])
    await command.exec()
    const output = command.logger
      .getLogs()
      .map((log) => log.message)
      .join('\n')
    assert.equal(command.exitCode, 1)
    assert.include(output, 'a secret ballot is open (Valg af formand)')
    assert.include(output, '--during-secret-ballot')
    await assert.rejects(() => stat(archive))
  })
})

test.group('node ace backup with an open ballot, as an operator runs it', (group) => {
  runOnceWhateverTheSuiteDatabase(group)
  const database = ownSqliteFile(group, 'tmp/secret-ballot-backup-test.sqlite3')
  const env = { ...database.env, BACKUP_ENCRYPTION_KEY: '' }
  group.setup(async () => {
    const migrated = await runAce(['migration:run', '--force'], { env })
    if (migrated.code !== 0) throw new Error(migrated.stdout + migrated.stderr)
    const sqlite = new Database(app.makePath(database.path))
    const now = new Date().toISOString()
    sqlite
      .prepare(
        "INSERT INTO assemblies (id, kind, title, starts_at, status, created_by, created_at, updated_at) VALUES (1, 'ordinary', 'Generalforsamling', ?, 'open', 'test', ?, ?)"
      )
      .run(now, now, now)
    sqlite
      .prepare(
        "INSERT INTO agenda_items (id, assembly_id, position, title) VALUES (1, 1, 1, 'Valg')"
      )
      .run()
    sqlite
      .prepare(
        "INSERT INTO ballots (id, assembly_id, agenda_item_id, question, kind, secret, status, created_at) VALUES (1, 1, 1, 'Valg af formand', 'yes_no', 1, 'open', ?)"
      )
      .run(now)
    sqlite.close()
    return () => rm(archive, { force: true })
  })

  test('--during-secret-ballot takes it all the same; a ballot that is not secret stops nothing', async ({
    assert,
  }) => {
    const refused = await runAce(['backup', archive, '--files-root', filesRoot], { env })
    assert.equal(refused.code, 1, refused.stdout + refused.stderr)
    const taken = await runAce(
      ['backup', archive, '--files-root', filesRoot, '--during-secret-ballot'],
      { env }
    )
    assert.equal(taken.code, 0, taken.stdout + taken.stderr)
    assert.isAbove((await stat(archive)).size, 0)

    await rm(archive)
    const sqlite = new Database(app.makePath(database.path))
    sqlite.prepare('UPDATE ballots SET secret = 0').run()
    sqlite.close()
    const open = await runAce(['backup', archive, '--files-root', filesRoot], { env })
    assert.equal(open.code, 0, open.stdout + open.stderr)
    assert.isAbove((await stat(archive)).size, 0)
  })
})
