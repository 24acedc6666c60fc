import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { proratedFee } from '#dues/proration'

test.group('Proration of the year’s fee', () => {
  const fee = 125_000

  test('without proration everyone pays the whole year', ({ assert }) => {
    const joined = DateTime.fromISO('2026-08-20')
    assert.deepEqual(proratedFee(fee, 2026, joined, 'none'), { amountOre: 125_000, quarters: 4 })
  })

  test('by quarters: the quarter you join in and those left', ({ assert }) => {
    const cases: [string, number, number][] = [
      ['2026-01-01', 4, 125_000],
      ['2026-03-31', 4, 125_000],
      ['2026-04-01', 3, 93_750],
      ['2026-08-20', 2, 62_500],
      ['2026-12-31', 1, 31_250],
    ]
    for (const [day, quarters, amountOre] of cases) {
      assert.deepEqual(proratedFee(fee, 2026, DateTime.fromISO(day), 'quarters'), {
        amountOre,
        quarters,
      })
    }
  })

  test('members who joined in an earlier year, or with no date, pay in full; øre are rounded', ({
    assert,
  }) => {
    assert.equal(proratedFee(fee, 2026, DateTime.fromISO('2025-11-01'), 'quarters').amountOre, fee)
    assert.equal(proratedFee(fee, 2026, null, 'quarters').amountOre, fee)
    // 3/4 of 1.000,01 kr. is 750,0075 kr.: whole øre, rounded.
    assert.equal(
      proratedFee(100_001, 2026, DateTime.fromISO('2026-05-01'), 'quarters').amountOre,
      75_001
    )
  })
})
