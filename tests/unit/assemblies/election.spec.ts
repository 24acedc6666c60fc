import { test } from '@japa/runner'
import { countElection, validateElectionBallot } from '#assemblies/rules/election'

const candidates = ['Anna', 'Bo', 'Cecilie', 'Dan', 'Emil']

/** One-candidate ballots: ballotsFor(['Anna', 3]) is three ballots for Anna. */
function ballotsFor(...tally: [string, number][]): string[][] {
  return tally.flatMap(([candidate, n]) => Array.from({ length: n }, () => [candidate]))
}

test.group('Election ballots', () => {
  test('up to N different candidates standing is valid', ({ assert }) => {
    assert.isNull(validateElectionBallot(['Anna', 'Bo', 'Cecilie'], 3, candidates))
    assert.isNull(validateElectionBallot(['Dan'], 3, candidates))
  })

  test('an empty ballot is a blank vote, not an error', ({ assert }) => {
    assert.isNull(validateElectionBallot([], 3, candidates))
  })

  test('more votes than seats is refused', ({ assert }) => {
    assert.equal(validateElectionBallot(['Anna', 'Bo', 'Cecilie'], 2, candidates), 'too_many')
  })

  test('two votes on the same candidate are refused', ({ assert }) => {
    assert.equal(validateElectionBallot(['Anna', 'Anna'], 3, candidates), 'duplicate')
  })

  test('a name that is not standing is refused', ({ assert }) => {
    assert.equal(validateElectionBallot(['Anna', 'Zoe'], 3, candidates), 'unknown_candidate')
  })

  test('a ballot wrong in several ways always gets the same answer', ({ assert }) => {
    assert.equal(
      validateElectionBallot(['Zoe', 'Anna', 'Anna'], 1, candidates),
      'unknown_candidate'
    )
    assert.equal(validateElectionBallot(['Anna', 'Anna', 'Bo'], 1, candidates), 'duplicate')
  })

  test('seats must be a whole number of at least 1', ({ assert }) => {
    assert.throws(() => validateElectionBallot([], 0, candidates), RangeError)
    assert.throws(() => validateElectionBallot([], 1.5, candidates), RangeError)
  })
})

test.group('Counting an election', () => {
  test('the N with most votes are elected, in order of votes', ({ assert }) => {
    const result = countElection(
      [
        ['Cecilie', 'Anna', 'Bo'],
        ['Cecilie', 'Anna'],
        ['Cecilie', 'Dan'],
        ['Bo', 'Anna', 'Cecilie'],
        ['Emil'],
      ],
      3,
      candidates
    )
    assert.deepEqual(result.votes, { Anna: 3, Bo: 2, Cecilie: 4, Dan: 1, Emil: 1 })
    assert.deepEqual(result.elected, ['Cecilie', 'Anna', 'Bo'])
    assert.deepEqual(result.tiedAtCutoff, [])
    assert.equal(result.blank, 0)
  })

  test('every candidate is in the votes, with zero when nobody voted for them', ({ assert }) => {
    const result = countElection([['Bo']], 2, candidates)
    assert.deepEqual(result.votes, { Anna: 0, Bo: 1, Cecilie: 0, Dan: 0, Emil: 0 })
  })

  test('empty ballots are counted as blank and give no votes', ({ assert }) => {
    const result = countElection([[], ['Anna'], []], 1, candidates)
    assert.equal(result.blank, 2)
    assert.deepEqual(result.elected, ['Anna'])
  })

  test('a tie across the last seat elects only those clearly above', ({ assert }) => {
    const result = countElection(
      ballotsFor(['Anna', 5], ['Bo', 3], ['Cecilie', 3], ['Dan', 1]),
      2,
      candidates
    )
    assert.deepEqual(result.elected, ['Anna'])
    assert.deepEqual(result.tiedAtCutoff, ['Bo', 'Cecilie'])
  })

  test('a tie across the cutoff for every seat elects nobody yet', ({ assert }) => {
    const result = countElection(ballotsFor(['Dan', 2], ['Bo', 2], ['Emil', 2]), 2, candidates)
    assert.deepEqual(result.elected, [])
    assert.deepEqual(result.tiedAtCutoff, ['Bo', 'Dan', 'Emil'])
  })

  test('a tie above the cutoff needs no decision; given order breaks it', ({ assert }) => {
    const result = countElection(
      ballotsFor(['Cecilie', 4], ['Anna', 4], ['Bo', 2], ['Dan', 1]),
      3,
      candidates
    )
    assert.deepEqual(result.elected, ['Anna', 'Cecilie', 'Bo'])
    assert.deepEqual(result.tiedAtCutoff, [])
  })

  test('a tie that exactly fills the last seats elects them all', ({ assert }) => {
    const result = countElection(
      ballotsFor(['Anna', 5], ['Dan', 3], ['Bo', 3], ['Cecilie', 1]),
      3,
      candidates
    )
    assert.deepEqual(result.elected, ['Anna', 'Bo', 'Dan'])
    assert.deepEqual(result.tiedAtCutoff, [])
  })

  test('nobody is elected without a vote; unvoted seats stay empty', ({ assert }) => {
    const result = countElection(ballotsFor(['Emil', 2], ['Anna', 1]), 3, candidates)
    assert.deepEqual(result.elected, ['Emil', 'Anna'])
    assert.deepEqual(result.tiedAtCutoff, [])
    assert.deepEqual(countElection([[], []], 2, candidates).elected, [])
  })

  test('an invalid ballot in the count is a bug and stops it', ({ assert }) => {
    assert.throws(() => countElection([['Anna', 'Anna']], 2, candidates), /duplicate/)
    assert.throws(() => countElection([['Anna', 'Bo', 'Dan']], 2, candidates), /too_many/)
    assert.throws(() => countElection([['Zoe']], 2, candidates), /unknown_candidate/)
  })
})
