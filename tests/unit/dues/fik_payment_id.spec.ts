import { test } from '@japa/runner'
import {
  fikCheckDigit,
  fikCodeLine,
  fikPaymentIdFor,
  invoiceNumberFromFikPaymentId,
  isValidFiCreditorNumber,
  isValidFikPaymentId,
  normaliseFiCreditorNumber,
} from '#dues/rules/fik_payment_id'

test.group('FI-kort +71: the payment ID’s check digit', () => {
  test('the ID from the domain notes is valid', ({ assert }) => {
    assert.isTrue(isValidFikPaymentId('106548702380495'))
    assert.equal(fikCheckDigit('10654870238049'), 5)
  })

  test('a payment ID of 1 is written 18 and of 2 is written 26, as the card printers show', ({
    assert,
  }) => {
    assert.equal(fikCheckDigit('1'), 8)
    assert.equal(fikCheckDigit('2'), 6)
    // Leading zeros weigh nothing.
    assert.equal(fikCheckDigit('00000000000001'), 8)
    assert.isTrue(isValidFikPaymentId('000000000000018'))
  })

  test('worked by hand: weights 2,1,2,… from the right, digit sums, then up to ten', ({
    assert,
  }) => {
    // 00000020260001: from the right 1×2=2, 0, 0, 0, 6×2=12→3, 2×1=2, 0×2=0, 2×1=2: sum 9.
    assert.equal(fikCheckDigit('00000020260001'), 1)
    // 99999999999999: seven 9×2=18→9 and seven 9×1=9, sum 126: check 4.
    assert.equal(fikCheckDigit('99999999999999'), 4)
    // A sum that is already a multiple of ten gives 0, not 10.
    assert.equal(fikCheckDigit('00000000000019'), 0)
  })

  test('a wrong check digit, a swapped pair or a wrong length is refused', ({ assert }) => {
    for (const id of [
      '106548702380494', // check digit one off
      '106548702380490',
      '016548702380495', // first two digits swapped
      '106548702380459', // last two swapped
      '10654870238049', // 14 digits
      '1065487023804950', // 16 digits
      '10654870238049A',
      '10654870238 495',
      '',
    ]) {
      assert.isFalse(isValidFikPaymentId(id), id)
    }
  })

  test('only digits have a check digit', ({ assert }) => {
    assert.throws(() => fikCheckDigit('2026-0001'), /Only digits/)
    assert.throws(() => fikCheckDigit(''), /Only digits/)
  })
})

test.group('FI-kort +71: the invoice number in the payment ID', () => {
  test('2026-0001 becomes 00000020260001 with its check digit', ({ assert }) => {
    assert.equal(fikPaymentIdFor('2026-0001'), '000000202600011')
    assert.isTrue(isValidFikPaymentId(fikPaymentIdFor('2026-0001')))
  })

  test('every invoice number comes back from its payment ID unchanged', ({ assert }) => {
    const numbers = [
      '2026-0001',
      '2026-0042',
      '2026-9999',
      '2026-10000',
      '2031-0007',
      '2099-1234567890',
      '2000-0001',
    ]
    for (const number of numbers) {
      const id = fikPaymentIdFor(number)
      assert.lengthOf(id, 15)
      assert.isTrue(isValidFikPaymentId(id), id)
      assert.equal(invoiceNumberFromFikPaymentId(id), number)
    }
    const ids = numbers.map(fikPaymentIdFor)
    assert.equal(new Set(ids).size, ids.length)
  })

  test('a credit note or anything but an invoice number has no payment ID', ({ assert }) => {
    for (const number of ['K2026-0001', '2026-001', '26-0001', '0999-0001', '2026-12345678901']) {
      assert.throws(() => fikPaymentIdFor(number), /not an invoice number/)
    }
  })

  test('an ID that is not ours, or mistyped, names no invoice', ({ assert }) => {
    assert.isNull(invoiceNumberFromFikPaymentId('000000202600012'))
    assert.isNull(invoiceNumberFromFikPaymentId('000000000000018'))
    assert.isNull(invoiceNumberFromFikPaymentId('abc'))
    // Valid, but too short to hold a year and a four-digit sequence: not one Kreds made.
    const short = `00000000202601${fikCheckDigit('00000000202601')}`
    assert.isTrue(isValidFikPaymentId(short))
    assert.isNull(invoiceNumberFromFikPaymentId(short))
    // Spaces as a bank statement may show them are ignored.
    assert.equal(invoiceNumberFromFikPaymentId('00000 02026 00011'), '2026-0001')
  })
})

test.group('FI-kort +71: the creditor number and the code line', () => {
  test('a creditor number is 8 digits beginning with 8', ({ assert }) => {
    assert.isTrue(isValidFiCreditorNumber('81234567'))
    assert.isTrue(isValidFiCreditorNumber('8123 4567'))
    assert.equal(normaliseFiCreditorNumber(' 8123 4567 '), '81234567')
    for (const wrong of ['71234567', '8123456', '812345678', '8123456A', '', '+81234567']) {
      assert.isFalse(isValidFiCreditorNumber(wrong), wrong)
    }
  })

  test('the code line is exactly what a bank expects', ({ assert }) => {
    assert.equal(fikCodeLine('106548702380495', '81234567'), '+71<106548702380495+81234567<')
    assert.equal(
      fikCodeLine(fikPaymentIdFor('2026-0001'), '81234567'),
      '+71<000000202600011+81234567<'
    )
  })

  test('a code line is never made of a bad ID or creditor number', ({ assert }) => {
    assert.throws(() => fikCodeLine('106548702380494', '81234567'), /not a payment ID/)
    assert.throws(() => fikCodeLine('106548702380495', '71234567'), /not an FI creditor number/)
  })
})
