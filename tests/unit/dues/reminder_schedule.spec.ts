import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { nextReminderLevel } from '#dues/reminder_schedule'

const due = DateTime.fromISO('2026-03-01')
const day = (iso: string) => DateTime.fromISO(iso)

function level(
  today: string,
  sentOn: string[] = [],
  extra: { balanceOre?: number; intervalDays?: number } = {}
) {
  return nextReminderLevel({
    dueDate: due,
    sentOn: sentOn.map(day),
    balanceOre: extra.balanceOre ?? 125_000,
    today: day(today),
    intervalDays: extra.intervalDays ?? 14,
  })
}

test.group('The reminder schedule', () => {
  test('nothing on or before the due date; rykker 1 the day after', ({ assert }) => {
    assert.isNull(level('2026-02-15'))
    assert.isNull(level('2026-03-01'))
    assert.equal(level('2026-03-02'), 1)
  })

  test('each next one the interval after the last, three at most', ({ assert }) => {
    assert.isNull(level('2026-03-10', ['2026-03-02']))
    assert.equal(level('2026-03-16', ['2026-03-02']), 2)
    assert.equal(level('2026-04-01', ['2026-03-02', '2026-03-16']), 3)
    assert.isNull(level('2026-06-01', ['2026-03-02', '2026-03-16', '2026-04-01']))
  })

  test('never closer than ten days, whatever the setting says', ({ assert }) => {
    assert.isNull(level('2026-03-08', ['2026-03-02'], { intervalDays: 3 }))
    assert.equal(level('2026-03-12', ['2026-03-02'], { intervalDays: 3 }), 2)
  })

  test('a paid invoice or one with no due date gets none', ({ assert }) => {
    assert.isNull(level('2026-04-01', [], { balanceOre: 0 }))
    assert.isNull(
      nextReminderLevel({
        dueDate: null,
        sentOn: [],
        balanceOre: 100,
        today: day('2026-04-01'),
        intervalDays: 14,
      })
    )
  })
})
