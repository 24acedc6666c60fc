import { test } from '@japa/runner'
import { typedMatches } from '#shared/validation/typed_confirmation'

test.group('A word typed to confirm', () => {
  test('{typed} against {word} is {expected}')
    .with([
      { typed: 'LUK', word: 'LUK', expected: true },
      { typed: ' luk ', word: 'LUK', expected: true },
      { typed: 'Luk', word: 'LUK', expected: true },
      { typed: 'slet', word: 'SLET', expected: true },
      { typed: 'LUK!', word: 'LUK', expected: false },
      { typed: 'LU K', word: 'LUK', expected: false },
      { typed: 'luk ikke', word: 'LUK', expected: false },
      { typed: '', word: 'LUK', expected: false },
      { typed: undefined, word: 'LUK', expected: false },
      { typed: 'SLET', word: 'LUK', expected: false },
    ])
    .run(({ assert }, { typed, word, expected }) => {
      assert.equal(typedMatches(typed, word), expected)
    })
})
