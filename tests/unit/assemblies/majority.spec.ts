import { test } from '@japa/runner'
import {
  decideChoice,
  decideYesNo,
  type MajorityRule,
  type QuorumRule,
} from '#assemblies/rules/majority'

function decide(
  yes: number,
  no: number,
  blank: number,
  majority: MajorityRule = 'simple',
  quorum: { rule: QuorumRule; entitled: number; represented: number } = {
    rule: null,
    entitled: 20,
    represented: 20,
  }
) {
  return decideYesNo(
    { yes, no, blank },
    { majority, quorum: quorum.rule, entitled: quorum.entitled, represented: quorum.represented }
  )
}

test.group('Yes/no ballots by simple majority', () => {
  test('more yes than no adopts', ({ assert }) => {
    const result = decide(6, 5, 0)
    assert.equal(result.outcome, 'adopted')
    assert.isTrue(result.majorityReached)
    assert.equal(result.cast, 11)
    assert.isNull(result.quorumMet)
    assert.isFalse(result.mayRetryWithoutQuorum)
    assert.equal(decide(1, 0, 3).outcome, 'adopted')
  })

  test('more no than yes rejects', ({ assert }) => {
    const result = decide(5, 6, 0)
    assert.equal(result.outcome, 'rejected')
    assert.isFalse(result.majorityReached)
  })

  test('equal yes and no is a tie, not adopted', ({ assert }) => {
    const result = decide(4, 4, 1)
    assert.equal(result.outcome, 'tie')
    assert.isFalse(result.majorityReached)
    assert.equal(result.yesShare, 0.5)
  })

  test('blank votes are not cast and cannot tip the result', ({ assert }) => {
    const result = decide(3, 2, 10)
    assert.equal(result.cast, 5)
    assert.equal(result.yesShare, 0.6)
    assert.equal(result.outcome, 'adopted')
  })

  test('nothing cast rejects, also when every vote is blank', ({ assert }) => {
    for (const blank of [0, 7]) {
      const result = decide(0, 0, blank)
      assert.equal(result.outcome, 'rejected')
      assert.equal(result.cast, 0)
      assert.isNull(result.yesShare)
      assert.isFalse(result.majorityReached)
    }
  })

  test('counts that are not whole, non-negative numbers are a bug', ({ assert }) => {
    assert.throws(() => decide(-1, 0, 0), RangeError)
    assert.throws(() => decide(1.5, 0, 0), RangeError)
  })
})

test.group('Yes/no ballots by two thirds', () => {
  test('exactly two thirds of the votes cast passes', ({ assert }) => {
    const result = decide(4, 2, 0, 'two_thirds')
    assert.equal(result.outcome, 'adopted')
    assert.isTrue(result.majorityReached)
    assert.equal(decide(200, 100, 0, 'two_thirds').outcome, 'adopted')
  })

  test('just under two thirds fails', ({ assert }) => {
    const result = decide(199, 101, 0, 'two_thirds')
    assert.equal(result.outcome, 'rejected')
    assert.isFalse(result.majorityReached)
    assert.equal(decide(3, 2, 0, 'two_thirds').outcome, 'rejected')
  })

  test('blank votes are not cast', ({ assert }) => {
    // 4 of 6 cast is exactly 2/3; counting the 3 blanks would make it 4 of 9.
    const result = decide(4, 2, 3, 'two_thirds')
    assert.equal(result.cast, 6)
    assert.equal(result.outcome, 'adopted')
  })

  test('an even split is rejected, not reported as a tie', ({ assert }) => {
    assert.equal(decide(3, 3, 0, 'two_thirds').outcome, 'rejected')
  })

  test('nothing cast rejects', ({ assert }) => {
    const result = decide(0, 0, 4, 'two_thirds')
    assert.equal(result.outcome, 'rejected')
    assert.isFalse(result.majorityReached)
  })
})

test.group('Quorum', () => {
  const half = { share: 0.5 }

  test('met: at least the share of entitled members present or represented', ({ assert }) => {
    const result = decide(8, 2, 0, 'two_thirds', { rule: half, entitled: 20, represented: 10 })
    assert.isTrue(result.quorumMet)
    assert.equal(result.outcome, 'adopted')
    assert.isFalse(result.mayRetryWithoutQuorum)
  })

  test('not met: rejected despite the majority, and a new assembly may decide', ({ assert }) => {
    const result = decide(8, 1, 0, 'two_thirds', { rule: half, entitled: 20, represented: 9 })
    assert.isFalse(result.quorumMet)
    assert.isTrue(result.majorityReached)
    assert.equal(result.outcome, 'rejected')
    assert.isTrue(result.mayRetryWithoutQuorum)
  })

  test('not met and no majority either: no retry on the strength of the quorum', ({ assert }) => {
    const result = decide(5, 4, 0, 'two_thirds', { rule: half, entitled: 20, represented: 9 })
    assert.isFalse(result.quorumMet)
    assert.equal(result.outcome, 'rejected')
    assert.isFalse(result.mayRetryWithoutQuorum)
  })

  test('not met with a tie is rejected, not a tie', ({ assert }) => {
    const result = decide(2, 2, 0, 'simple', { rule: half, entitled: 20, represented: 4 })
    assert.equal(result.outcome, 'rejected')
    assert.isFalse(result.mayRetryWithoutQuorum)
  })

  test('members are whole: half of 7 needs 4', ({ assert }) => {
    const seven = (represented: number) =>
      decide(3, 0, 0, 'simple', { rule: half, entitled: 7, represented }).quorumMet
    assert.isFalse(seven(3))
    assert.isTrue(seven(4))
  })

  test('floating point does not raise the bar: 55% of 100 is 55', ({ assert }) => {
    const hundred = (represented: number) =>
      decide(3, 0, 0, 'simple', { rule: { share: 0.55 }, entitled: 100, represented }).quorumMet
    assert.isFalse(hundred(54))
    assert.isTrue(hundred(55))
  })

  test('a share outside (0, 1] is a bug', ({ assert }) => {
    for (const share of [0, 1.5, Number.NaN]) {
      assert.throws(
        () => decide(1, 0, 0, 'simple', { rule: { share }, entitled: 10, represented: 10 }),
        RangeError
      )
    }
  })
})

test.group('Choice among options', () => {
  test('the option with most votes wins; blank votes are not cast', ({ assert }) => {
    const result = decideChoice({ Aarhus: 5, Odense: 3, Aalborg: 1 }, 4)
    assert.deepEqual(result, { winners: ['Aarhus'], tie: false, cast: 9 })
  })

  test('two sharing the top is a tie, and both are listed', ({ assert }) => {
    const result = decideChoice({ Aarhus: 4, Odense: 2, Aalborg: 4 }, 0)
    assert.deepEqual(result, { winners: ['Aarhus', 'Aalborg'], tie: true, cast: 10 })
  })

  test('a tie below the top is no tie', ({ assert }) => {
    const result = decideChoice({ Aarhus: 1, Odense: 6, Aalborg: 1 }, 0)
    assert.deepEqual(result.winners, ['Odense'])
    assert.isFalse(result.tie)
  })

  test('no votes cast, no winner', ({ assert }) => {
    assert.deepEqual(decideChoice({ Aarhus: 0, Odense: 0 }, 3), {
      winners: [],
      tie: false,
      cast: 0,
    })
    assert.deepEqual(decideChoice({}, 0), { winners: [], tie: false, cast: 0 })
  })

  test('counts that are not whole, non-negative numbers are a bug', ({ assert }) => {
    assert.throws(() => decideChoice({ Aarhus: -1 }, 0), RangeError)
    assert.throws(() => decideChoice({ Aarhus: 1 }, -1), RangeError)
  })
})
