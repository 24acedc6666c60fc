import { test } from '@japa/runner'
import { isValidCvr, isValidEan, normaliseCvr } from '#shared/danish_identifiers'

test.group('CVR numbers', () => {
  test('accepts {$self}')
    .with(['10150817', '12345674', 'DK 10 15 08 17', '10-15-08-17'])
    .run(({ assert }, cvr) => {
      assert.isTrue(isValidCvr(cvr))
    })

  test('refuses "{$self}"')
    .with(['10150818', '1015081', '101508170', '01234567', 'abcdefgh', ''])
    .run(({ assert }, cvr) => {
      assert.isFalse(isValidCvr(cvr))
    })

  test('normalises spacing and the DK prefix', ({ assert }) => {
    assert.equal(normaliseCvr(' DK 10 15 08 17 '), '10150817')
  })
})

test.group('EAN location numbers', () => {
  test('accepts a public EAN with a correct GS1 check digit', ({ assert }) => {
    assert.isTrue(isValidEan('5798000416604'))
    assert.isTrue(isValidEan('5790000000005'))
  })

  test('refuses a wrong check digit, wrong length or letters', ({ assert }) => {
    assert.isFalse(isValidEan('5798000416605'))
    assert.isFalse(isValidEan('579800041660'))
    assert.isFalse(isValidEan('57980004166AB'))
  })
})
