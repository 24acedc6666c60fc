import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import {
  backupFileName,
  backupsToDelete,
  parseBackupName,
} from '#operations/backup/backup_retention'
import { DANISH_ZONE } from '#shared/danish_time'

/** A Danish wall-clock time. */
function danish(iso: string) {
  return DateTime.fromISO(iso, { zone: DANISH_ZONE })
}

/** One backup a night at 02:30 Danish time, from `first` to `last` (both YYYY-MM-DD). */
function nightly(first: string, last: string) {
  const names: string[] = []
  const end = DateTime.fromISO(last)
  for (let day = DateTime.fromISO(first); day <= end; day = day.plus({ days: 1 }))
    names.push(backupFileName(danish(`${day.toISODate()}T02:30`)))
  return names
}

function kept(names: string[], now: DateTime, keep = { daily: 7, weekly: 4, monthly: 12 }) {
  const deleted = new Set(backupsToDelete(names, now, keep))
  return names.filter((name) => !deleted.has(name)).sort()
}

test.group('The backups kept (grandfather-father-son)', () => {
  test('names are the Danish wall-clock time, read back the same, in summer and winter', ({
    assert,
  }) => {
    // 00:30 UTC on 1 December is 01:30 in Copenhagen; 00:30 UTC on 1 July is 02:30.
    assert.equal(
      backupFileName(DateTime.fromISO('2026-12-01T00:30:00Z')),
      'kreds-2026-12-01-0130.tar.gz'
    )
    assert.equal(
      backupFileName(DateTime.fromISO('2026-07-01T00:30:00Z')),
      'kreds-2026-07-01-0230.tar.gz'
    )
    assert.equal(
      parseBackupName('kreds-2026-07-01-0230.tar.gz')!.toUTC().toISO(),
      '2026-07-01T00:30:00.000Z'
    )
    for (const other of [
      'kreds-2026-07-01.tar.gz',
      'kreds-2026-07-01-0230.tar.gz.partial',
      'notes.txt',
      'kreds-2026-13-01-0230.tar.gz',
      'xkreds-2026-07-01-0230.tar.gz',
    ])
      assert.isNull(parseBackupName(other), other)
  })

  test('a year of nightly backups keeps 7 days, 4 ISO weeks and 12 months: 19 files', ({
    assert,
  }) => {
    const names = nightly('2025-12-01', '2026-12-04')
    const now = danish('2026-12-04T03:00')
    assert.deepEqual(kept(names, now), [
      // The newest of each month back to January (December is already kept as a day).
      'kreds-2026-01-31-0230.tar.gz',
      'kreds-2026-02-28-0230.tar.gz',
      'kreds-2026-03-31-0230.tar.gz',
      'kreds-2026-04-30-0230.tar.gz',
      'kreds-2026-05-31-0230.tar.gz',
      'kreds-2026-06-30-0230.tar.gz',
      'kreds-2026-07-31-0230.tar.gz',
      'kreds-2026-08-31-0230.tar.gz',
      'kreds-2026-09-30-0230.tar.gz',
      'kreds-2026-10-31-0230.tar.gz',
      // The newest of ISO weeks 46 and 47 (Sundays); weeks 48 and 49 are kept as days.
      'kreds-2026-11-15-0230.tar.gz',
      'kreds-2026-11-22-0230.tar.gz',
      // 28 November to 4 December, the last seven days; 30 November is also November's newest.
      'kreds-2026-11-28-0230.tar.gz',
      'kreds-2026-11-29-0230.tar.gz',
      'kreds-2026-11-30-0230.tar.gz',
      'kreds-2026-12-01-0230.tar.gz',
      'kreds-2026-12-02-0230.tar.gz',
      'kreds-2026-12-03-0230.tar.gz',
      'kreds-2026-12-04-0230.tar.gz',
    ])
  })

  test('the ISO week that spans New Year is one week, and its newest backup is in January', ({
    assert,
  }) => {
    // 28 December 2026 to 3 January 2027 is ISO week 53 of 2026.
    const names = nightly('2026-12-20', '2027-01-12')
    const now = danish('2027-01-12T03:00')
    const weekly = kept(names, now, { daily: 0, weekly: 3, monthly: 0 })
    assert.deepEqual(weekly, [
      'kreds-2027-01-03-0230.tar.gz',
      'kreds-2027-01-10-0230.tar.gz',
      'kreds-2027-01-12-0230.tar.gz',
    ])
  })

  test('the month is the Danish one: 23:30 UTC on 30 November is already December in Denmark', ({
    assert,
  }) => {
    const lateNovemberUtc = backupFileName(DateTime.fromISO('2026-11-30T23:30:00Z'))
    assert.equal(lateNovemberUtc, 'kreds-2026-12-01-0030.tar.gz')
    const names = ['kreds-2026-11-29-0230.tar.gz', lateNovemberUtc, 'kreds-2026-12-01-0230.tar.gz']
    // Two months kept: November's newest is the 29th, December's the 02:30 one.
    assert.deepEqual(
      kept(names, DateTime.fromISO('2026-12-01T02:00:00Z'), { daily: 0, weekly: 0, monthly: 2 }),
      ['kreds-2026-11-29-0230.tar.gz', 'kreds-2026-12-01-0230.tar.gz']
    )
    // "Today" is Danish too: at 23:30 UTC on 30 November, the last day is 1 December.
    assert.deepEqual(
      kept(names.slice(0, 2), DateTime.fromISO('2026-11-30T23:45:00Z'), {
        daily: 1,
        weekly: 0,
        monthly: 0,
      }),
      [lateNovemberUtc]
    )
  })

  test('several backups in one day keep only the newest of the day', ({ assert }) => {
    const names = [
      'kreds-2026-12-03-0230.tar.gz',
      'kreds-2026-12-03-1415.tar.gz',
      'kreds-2026-12-04-0230.tar.gz',
      'kreds-2026-12-04-0900.tar.gz',
    ]
    assert.deepEqual(
      backupsToDelete(names, danish('2026-12-04T10:00'), { daily: 2, weekly: 0, monthly: 0 }),
      ['kreds-2026-12-04-0230.tar.gz', 'kreds-2026-12-03-0230.tar.gz']
    )
  })

  test('0 keeps none of that kind but the newest backup is always kept', ({ assert }) => {
    const names = nightly('2026-11-01', '2026-12-04')
    const now = danish('2026-12-04T03:00')
    assert.deepEqual(kept(names, now, { daily: 0, weekly: 0, monthly: 0 }), [
      'kreds-2026-12-04-0230.tar.gz',
    ])
    assert.lengthOf(kept(names, now, { daily: 366, weekly: 0, monthly: 0 }), names.length)
  })

  test('gaps are not filled from older periods, and a backup dated after now is kept', ({
    assert,
  }) => {
    // Nothing from 21 November to 3 December: the last 7 days hold two backups.
    const names = [
      ...nightly('2026-11-10', '2026-11-20'),
      'kreds-2026-12-04-0230.tar.gz',
      'kreds-2026-12-24-0230.tar.gz',
    ]
    const now = danish('2026-12-04T03:00')
    assert.deepEqual(kept(names, now, { daily: 7, weekly: 0, monthly: 2 }), [
      'kreds-2026-11-20-0230.tar.gz',
      'kreds-2026-12-04-0230.tar.gz',
      'kreds-2026-12-24-0230.tar.gz',
    ])
  })

  test('other files are never returned, whatever their age', ({ assert }) => {
    const names = [
      'kreds-2020-01-01-0230.tar.gz',
      'kreds-2026-12-04-0230.tar.gz',
      'kreds-2020-01-01-0230.tar.gz.partial',
      'kreds-2020-01-01.tar.gz',
      'database.sqlite3',
    ]
    assert.deepEqual(
      backupsToDelete(names, danish('2026-12-04T03:00'), { daily: 1, weekly: 0, monthly: 0 }),
      ['kreds-2020-01-01-0230.tar.gz']
    )
  })
})
