import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { formatDate, formatDateTime, formatKroner } from '#shared/formatting'

test.group('formatKroner', () => {
  test('shows øre as Danish kroner: {0} → {1}')
    .with([
      [125000, '1.250,00 kr.'],
      [0, '0,00 kr.'],
      [5, '0,05 kr.'],
      [123456789, '1.234.567,89 kr.'],
      [-50050, '-500,50 kr.'],
    ] as const)
    .run(({ assert }, [ore, expected]) => {
      assert.equal(formatKroner(ore), expected)
    })

  test('shows English readers DKK with English separators', ({ assert }) => {
    assert.equal(formatKroner(125000, 'en'), 'DKK 1,250.00')
  })

  test('refuses fractions of an øre, which would mean a bug upstream', ({ assert }) => {
    assert.throws(() => formatKroner(12.5), /whole øre/)
  })
})

test.group('formatDate', () => {
  test('writes the founding date the Danish way', ({ assert }) => {
    assert.equal(formatDate(DateTime.fromISO('2021-01-15')), '15. januar 2021')
    assert.equal(formatDate('2021-01-15', 'en'), '15 January 2021')
  })

  test('uses Danish time, so a late UTC evening is the next day', ({ assert }) => {
    assert.equal(formatDate(DateTime.fromISO('2021-12-31T23:30:00Z')), '1. januar 2022')
  })

  test('shows time of day with the Danish "kl."', ({ assert }) => {
    assert.equal(
      formatDateTime(DateTime.fromISO('2021-01-15T13:05:00Z')),
      '15. januar 2021 kl. 14.05'
    )
  })

  test('gives an empty string for a missing or broken date', ({ assert }) => {
    assert.equal(formatDate(null), '')
    assert.equal(formatDate('not a date'), '')
  })
})
