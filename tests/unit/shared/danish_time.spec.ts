import { test } from '@japa/runner'
import { DateTime, Settings } from 'luxon'
import { formatDate, formatDateTime, formatTime } from '#shared/formatting'
import { danishIso, danishIsoToday, danishToday } from '#shared/danish_time'
import ExcelJS from 'exceljs'
import { calendarDay } from '#shared/spreadsheet/spreadsheet_export'
import { writeCsv } from '#shared/spreadsheet/write_csv'
import { writeXlsx } from '#shared/spreadsheet/write_xlsx'

/*
 * Denmark moves its clocks at 01.00 UTC on the last Sunday of March (to
 * summer time, UTC+2) and of October (back to UTC+1). The suite runs with
 * TZ=UTC, as production does, so UTC shown as if it were Danish would fail here.
 */
test.group('Danish time across the change to summer time (29 March 2026)', () => {
  test('{0} is {1} in Denmark')
    .with([
      ['2026-03-29T00:30:00Z', '29. marts 2026 kl. 01.30'],
      ['2026-03-29T00:59:00Z', '29. marts 2026 kl. 01.59'],
      ['2026-03-29T01:00:00Z', '29. marts 2026 kl. 03.00'],
      ['2026-03-29T01:30:00Z', '29. marts 2026 kl. 03.30'],
      ['2026-06-15T17:00:00Z', '15. juni 2026 kl. 19.00'],
    ] as const)
    .run(({ assert }, [utc, danish]) => {
      assert.equal(formatDateTime(DateTime.fromISO(utc)), danish)
      assert.equal(formatDateTime(new Date(utc)), danish)
      assert.equal(formatDateTime(utc), danish)
    })
})

test.group('Danish time across the change back to winter time (25 October 2026)', () => {
  test('{0} is {1} in Denmark')
    .with([
      ['2026-10-25T00:30:00Z', '25. oktober 2026 kl. 02.30'],
      ['2026-10-25T01:30:00Z', '25. oktober 2026 kl. 02.30'],
      ['2026-10-25T02:30:00Z', '25. oktober 2026 kl. 03.30'],
      ['2026-01-15T18:00:00Z', '15. januar 2026 kl. 19.00'],
    ] as const)
    .run(({ assert }, [utc, danish]) => {
      assert.equal(formatDateTime(DateTime.fromISO(utc)), danish)
    })

  test('the clock alone follows the change too', ({ assert }) => {
    assert.equal(formatTime(DateTime.fromISO('2026-10-25T00:30:00Z')), '02.30')
    assert.equal(formatTime(DateTime.fromISO('2026-10-25T01:30:00Z')), '02.30')
    assert.equal(formatTime(DateTime.fromISO('2026-03-29T01:30:00Z'), 'en'), '03:30')
  })

  test('English readers see the same Danish clock', ({ assert }) => {
    assert.equal(
      formatDateTime(DateTime.fromISO('2026-10-25T01:30:00Z'), 'en'),
      '25 October 2026 at 02:30'
    )
  })
})

test.group('Danish dates near midnight', () => {
  test('a moment late in the UTC evening is the next day in Denmark', ({ assert }) => {
    // 22.30 UTC in summer is 00.30 the next day on the Danish clock.
    assert.equal(formatDate(DateTime.fromISO('2026-06-30T22:30:00Z')), '1. juli 2026')
    assert.equal(formatDateTime('2026-06-30T22:30:00Z'), '1. juli 2026 kl. 00.30')
    // In winter it takes until 23.00 UTC.
    assert.equal(formatDate(DateTime.fromISO('2026-12-31T22:59:00Z')), '31. december 2026')
    assert.equal(formatDate(DateTime.fromISO('2026-12-31T23:00:00Z')), '1. januar 2027')
  })

  test('a date column stays its day in whatever zone it was read', ({ assert }) => {
    for (const zone of ['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Europe/Copenhagen']) {
      assert.equal(formatDate(DateTime.fromISO('2026-03-29', { zone })), '29. marts 2026', zone)
    }
    assert.equal(formatDate('2026-10-25'), '25. oktober 2026')
  })

  test('today is the Danish day, not the UTC day', ({ assert }) => {
    const real = Settings.now
    try {
      Settings.now = () => Date.parse('2026-06-30T22:30:00Z')
      assert.equal(danishIsoToday(), '2026-07-01')
      assert.equal(danishToday().toISO(), '2026-07-01T00:00:00.000+02:00')
      Settings.now = () => Date.parse('2026-12-31T22:59:00Z')
      assert.equal(danishIsoToday(), '2026-12-31')
    } finally {
      Settings.now = real
    }
  })

  test('a moment exported as data carries the Danish offset', ({ assert }) => {
    assert.equal(
      danishIso(DateTime.fromISO('2026-03-29T01:30:00Z')),
      '2026-03-29T03:30:00.000+02:00'
    )
    assert.equal(
      danishIso(DateTime.fromISO('2026-10-25T01:30:00Z')),
      '2026-10-25T02:30:00.000+01:00'
    )
    assert.isNull(danishIso(null))
  })
})

test.group('Danish dates in spreadsheet exports', () => {
  test('a moment is written as its Danish day; a date column as its own day', async ({
    assert,
  }) => {
    assert.equal(calendarDay(new Date('2026-06-30T22:30:00Z')), '2026-07-01')
    assert.equal(calendarDay(new Date('2026-06-30T21:30:00Z')), '2026-06-30')
    assert.equal(calendarDay(new Date(2026, 2, 29)), '2026-03-29')

    const csv = writeCsv({
      sheetName: 'Test',
      columns: [{ header: 'Dato', kind: 'date' }],
      rows: [[new Date('2026-12-31T23:15:00Z')], ['2026-03-29']],
    })
    assert.equal(csv.toString('utf8'), '\uFEFFDato\r\n01-01-2027\r\n29-03-2026\r\n')

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(
      (await writeXlsx({
        sheetName: 'Test',
        columns: [{ header: 'Dato', kind: 'date' }],
        rows: [[new Date('2026-12-31T23:15:00Z')]],
      })) as unknown as ArrayBuffer
    )
    const cell = workbook.getWorksheet('Test')!.getCell('A2')
    // A real Excel date, shown the Danish way.
    assert.equal(cell.type, ExcelJS.ValueType.Date)
    assert.equal((cell.value as Date).toISOString(), '2027-01-01T00:00:00.000Z')
    assert.equal(cell.numFmt, 'dd-mm-yyyy')
  })
})
