import { test } from '@japa/runner'
import { DateTime, Settings } from 'luxon'
import type Assembly from '#assemblies/models/assembly'
import { noticeTiming } from '#assemblies/actions/send_notice'

const ZONE = 'Europe/Copenhagen'
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE })
const meeting = (iso: string) => ({ startsAt: at(iso).toUTC() }) as Assembly

test.group('How much notice an assembly gets', (group) => {
  const realNow = Settings.now
  group.each.teardown(() => {
    Settings.now = realNow
  })

  test('{case}')
    .with([
      // Whole Danish calendar days, whatever the hour the page is opened.
      {
        case: 'exactly 14 days is in time',
        now: '2026-05-01T23:30',
        meets: '2026-05-15T19:00',
        days: 14,
        late: false,
      },
      {
        case: 'one day short is late',
        now: '2026-05-02T00:10',
        meets: '2026-05-15T19:00',
        days: 13,
        late: true,
      },
      // Across the change to summer time (29 March 2026) a day is still a day.
      {
        case: 'over the spring change',
        now: '2026-03-20T12:00',
        meets: '2026-04-03T19:00',
        days: 14,
        late: false,
      },
      // And across the change back (25 October 2026), late at night in UTC terms.
      {
        case: 'over the autumn change',
        now: '2026-10-20T23:59',
        meets: '2026-11-03T00:30',
        days: 14,
        late: false,
      },
    ])
    .run(({ assert }, row) => {
      // Computed before the clock is set: DateTime itself asks Settings.now.
      const now = at(row.now).toMillis()
      Settings.now = () => now
      assert.deepEqual(noticeTiming(meeting(row.meets), 14), { daysLeft: row.days, late: row.late })
    })
})
