import { test } from '@japa/runner'
import {
  compareKeys,
  fromPortable,
  mysqlKind,
  sqliteKind,
  toPortable,
} from '#operations/backup/portable_values'

test.group('Portable values of a backup', () => {
  test('SQLite and MariaDB name the same column the same kind', ({ assert }) => {
    const pairs: [string, [string, string]][] = [
      ['integer', ['int', 'int(10) unsigned']],
      ['bigint', ['bigint', 'bigint(20) unsigned']],
      ['boolean', ['tinyint', 'tinyint(1)']],
      ['datetime', ['timestamp', 'timestamp']],
      ['date', ['date', 'date']],
      ['blob', ['longblob', 'longblob']],
      ['varchar(255)', ['varchar', 'varchar(255)']],
      ['text', ['mediumtext', 'mediumtext']],
    ]
    for (const [sqlite, [dataType, columnType]] of pairs) {
      assert.equal(sqliteKind(sqlite), mysqlKind(dataType, columnType), sqlite)
    }
    assert.equal(mysqlKind('tinyint', 'tinyint(4)'), 'integer')
  })

  test("a row reads the same from either database's own form", ({ assert }) => {
    // MariaDB hands back Dates (in UTC, timezone 'Z'); SQLite the text Lucid wrote.
    assert.equal(
      toPortable('datetime', new Date('2026-12-04T19:37:41.000Z')),
      toPortable('datetime', '2026-12-04 19:37:41')
    )
    assert.equal(toPortable('datetime', '2026-12-04T19:37:41.000Z'), '2026-12-04 19:37:41')
    assert.equal(toPortable('datetime', Date.UTC(2026, 11, 4, 19, 37, 41)), '2026-12-04 19:37:41')
    assert.equal(toPortable('date', new Date('2021-01-15T00:00:00.000Z')), '2021-01-15')
    assert.equal(toPortable('date', '2021-01-15'), '2021-01-15')
    assert.strictEqual(toPortable('boolean', 1), true)
    assert.strictEqual(toPortable('boolean', 0), false)
    assert.strictEqual(toPortable('integer', '42'), 42)
    assert.strictEqual(toPortable('integer', null), null)
    assert.strictEqual(toPortable('string', 'Ærø'), 'Ærø')
  })

  test('big integers and blobs survive the trip', ({ assert }) => {
    assert.strictEqual(toPortable('integer', 9007199254740993n), '9007199254740993')
    assert.strictEqual(toPortable('integer', '9007199254740993'), '9007199254740993')
    const bytes = Buffer.from([0, 1, 2, 255, 0xc3, 0xa6])
    const portable = toPortable('binary', bytes)
    assert.deepEqual(fromPortable('binary', portable), bytes)
    assert.strictEqual(fromPortable('boolean', true), 1)
    assert.strictEqual(fromPortable('boolean', false), 0)
  })

  test('rows are ordered by key the same way whatever the collation', ({ assert }) => {
    const keys = [[10], [9], ['9007199254740993'], ['9007199254740992'], [null], [2]]
    assert.deepEqual(keys.sort(compareKeys), [
      [null],
      [2],
      [9],
      [10],
      ['9007199254740992'],
      ['9007199254740993'],
    ])
    const names = [['ø'], ['a'], ['B'], ['å'], ['æ']]
    assert.deepEqual(names.sort(compareKeys), [['B'], ['a'], ['å'], ['æ'], ['ø']])
    assert.equal(compareKeys([1, 'b'], [1, 'a']), 1)
  })
})
