import { test } from '@japa/runner'
import { basename } from 'node:path'
import db from '@adonisjs/lucid/services/db'
import type { Knex } from 'knex'
import { dropMysqlDatabase, recreateMysqlDatabase } from '#tests/helpers/backup_contents'
import {
  addConnection,
  fillEmptyTables,
  lines,
  migrateUpTo,
  migrationNames,
  rollbackAll,
  rollbackOne,
  snapshot,
  type Snapshot,
} from '#tests/helpers/migration_steps'
import { ownSqliteFile, runAce } from '#tests/helpers/processes'

/*
| Every migration is run against a database full of data, the way an upgrade
| meets a live association's database: the demo data, seeded at the newest
| schema, is the data. Going down, each down() must keep every row the older
| schema can hold; going up from nothing, before each migration the empty
| tables are filled with the demo rows as that schema has them, and the
| migration must keep every row and every value of the columns it had. At
| the end every table holds its demo rows: each migration met data. On the
| dialect of the suite: SQLite, and MariaDB when DB_CONNECTION=mysql. Knex
| drops a column on SQLite by copying the table, which in a migration's
| transaction deletes the rows of the tables that refer to it: down() uses
| #database/drop_columns instead, and this test finds one that does not.
*/

const CONNECTION = 'upgrade_test'

/**
 * What a migration changes on purpose, by table: the columns whose values
 * it rewrites. Every other column of every other table must come through.
 */
const TRANSFORMATIONS: Record<string, Record<string, string[]>> = {
  // Closed secret ballots get new random vote keys and a new list of who voted.
  '1764000007010_reseal_closed_secret_ballots': { votes: ['id'], ballot_voters: ['id'] },
}

/** Rows that differ between two snapshots, table by table, as readable lines. */
function changedRows(before: Snapshot, after: Snapshot, migration: string) {
  const problems: string[] = []
  for (const [table, old] of before) {
    const now = after.get(table)
    if (!now) continue
    const ignored = TRANSFORMATIONS[basename(migration)]?.[table] ?? []
    const columns = old.columns.filter((c) => now.columns.includes(c) && !ignored.includes(c))
    const was = lines(old, columns)
    const is = lines(now, columns)
    if (was.length !== is.length) {
      problems.push(`${table}: ${was.length} rows before, ${is.length} after`)
      continue
    }
    const index = was.findIndex((line, at) => line !== is[at])
    if (index !== -1) {
      problems.push(`${table} (${columns.join(', ')}): ${was[index]} became ${is[index]}`)
    }
  }
  return problems
}

test.group('Upgrading: every migration on a database that holds data', (group) => {
  const mysql = process.env.DB_CONNECTION === 'mysql'
  const sqlite = ownSqliteFile(group, 'tmp/upgrade-migrations-test.sqlite3')
  const mysqlName = `${process.env.MYSQL_DB_NAME ?? 'kreds'}_upgrade`
  let demo: Snapshot
  let filler: Knex
  let names: string[]

  group.setup(async () => {
    if (mysql) await recreateMysqlDatabase(mysqlName)
    const env = mysql ? { DB_CONNECTION: 'mysql', MYSQL_DB_NAME: mysqlName } : sqlite.env
    const prepared = await runAce(['kreds:prepare'], { env, timeoutMs: 180_000 })
    if (prepared.code !== 0) throw new Error(prepared.stdout + prepared.stderr)
    filler = addConnection(
      CONNECTION,
      mysql ? { mysql: mysqlName } : { sqlite: sqlite.path }
    ).filler()
    demo = await snapshot(CONNECTION)
    names = await migrationNames(CONNECTION)
    return async () => {
      await filler.destroy()
      await db.manager.close(CONNECTION, true)
      if (mysql) await dropMysqlDatabase(mysqlName)
    }
  })

  test('each down(), newest first, runs on the demo data and keeps what the older schema holds', async ({
    assert,
  }) => {
    assert.isAbove(demo.get('organisations')?.rows.length ?? 0, 0, 'the demo data was seeded')
    const problems: string[] = []
    let before = demo
    for (let at = names.length - 1; at >= 0; at--) {
      const rolledBack = await rollbackOne(CONNECTION)
      assert.deepEqual(rolledBack, [names[at]])
      const after = await snapshot(CONNECTION)
      problems.push(...changedRows(before, after, names[at]).map((p) => `${names[at]} down: ${p}`))
      before = after
    }
    assert.deepEqual([...before.keys()], [], 'every table is gone after the last down()')
    assert.deepEqual(problems, [], problems.join('\n'))
  }).timeout(300_000)

  test('each migration, oldest first, runs on demo data of the schema before it and keeps every row', async ({
    assert,
  }) => {
    await rollbackAll(CONNECTION)
    const problems: string[] = []
    const filled = new Set<string>()
    let current = await snapshot(CONNECTION)
    for (const [at, name] of names.entries()) {
      const filledNow = await fillEmptyTables(filler, current, demo)
      for (const table of filledNow) filled.add(table)
      const before = filledNow.length > 0 ? await snapshot(CONNECTION) : current
      const ran = await migrateUpTo(CONNECTION, at + 1)
      assert.deepEqual(ran, [name])
      current = await snapshot(CONNECTION)
      problems.push(...changedRows(before, current, name).map((p) => `${name} up: ${p}`))
    }
    assert.deepEqual(problems, [], problems.join('\n'))

    // Every table met its demo rows at some step, and holds as many at the end.
    const final = await snapshot(CONNECTION)
    const different: string[] = []
    for (const [table, expected] of demo) {
      const rows = final.get(table)?.rows.length
      if ((expected.rows.length > 0 && !filled.has(table)) || rows !== expected.rows.length) {
        different.push(`${table}: ${expected.rows.length} demo rows, ${rows} at the end`)
      }
    }
    assert.deepEqual(different, [], different.join('\n'))
  }).timeout(300_000)
})
