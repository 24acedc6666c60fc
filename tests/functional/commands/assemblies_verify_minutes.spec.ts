import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import Database from 'better-sqlite3'
import { ownSqliteFile, runAce, runOnceWhateverTheSuiteDatabase } from '#tests/helpers/processes'

/*
 * As an operator would: a database filled with the demo data (the founding
 * assembly's minutes, signed by dirigent and referent), checked, then
 * tampered with behind Kreds' back and checked again.
 */
test.group('node ace assemblies:verify-minutes', (group) => {
  runOnceWhateverTheSuiteDatabase(group)
  const { path: databaseFile, env } = ownSqliteFile(group, 'tmp/verify-minutes-test.sqlite3')

  test('says the founding minutes are intact, and tampered once their text is changed in the database', async ({
    assert,
  }) => {
    const prepared = await runAce(['kreds:prepare'], { env, timeoutMs: 120_000 })
    assert.equal(prepared.code, 0, prepared.stdout + prepared.stderr)
    const sqlite = new Database(app.makePath(databaseFile))
    const founding = sqlite
      .prepare("SELECT id FROM assemblies WHERE title = 'Stiftende generalforsamling'")
      .get() as { id: number }

    const intact = await runAce(['assemblies:verify-minutes', String(founding.id)], { env })
    assert.equal(intact.code, 0, intact.stdout + intact.stderr)
    assert.include(intact.stdout, 'Version 1 (signed)')
    assert.include(intact.stdout, 'dirigent: Mette Sørensen <mette.soerensen@example.org> by link')
    assert.include(intact.stdout, 'referent: Jens Nielsen <jens.nielsen@example.org> by link')
    assert.include(intact.stdout, 'Intact')

    // One word of the signed text changed directly in the database.
    const row = sqlite
      .prepare('SELECT id, content FROM minutes WHERE assembly_id = ? AND status = ?')
      .get(founding.id, 'signed') as { id: number; content: string }
    assert.include(row.content, 'uden ændringer')
    sqlite
      .prepare('UPDATE minutes SET content = ? WHERE id = ?')
      .run(row.content.replace('uden ændringer', 'med ændringer'), row.id)
    sqlite.close()

    const tampered = await runAce(['assemblies:verify-minutes', String(founding.id)], { env })
    assert.equal(tampered.code, 1, tampered.stdout + tampered.stderr)
    assert.include(tampered.stdout, 'the stored text has changed since the version was prepared')
    assert.include(
      tampered.stdout,
      'a signature was given to other text than the version now holds'
    )
    assert.include(tampered.stdout + tampered.stderr, 'TAMPERED')

    const missing = await runAce(['assemblies:verify-minutes', '999999'], { env })
    assert.equal(missing.code, 1)
  }).timeout(240_000)
})
