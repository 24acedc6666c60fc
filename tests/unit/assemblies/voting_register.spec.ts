import { test } from '@japa/runner'
import {
  checkProxy,
  quorumCount,
  votesHeld,
  votingRight,
  type ProxyRequest,
} from '#assemblies/rules/voting_register'

/** A proxy that is fine on every count; each test breaks one thing. */
function proxy(change: Partial<ProxyRequest> = {}): ProxyRequest {
  return {
    giverId: 1,
    holderId: 2,
    giverPresent: false,
    holderPresent: true,
    holderMayVote: true,
    giverMayVote: true,
    proxiesHeldByHolder: 0,
    limit: 1,
    giverHasGivenProxy: false,
    ...change,
  }
}

test.group('Voting rights', () => {
  test('an active member with dues paid may vote', ({ assert }) => {
    assert.deepEqual(votingRight({ status: 'active', duesPaid: true, duesRequired: true }), {
      mayVote: true,
      reason: null,
    })
  })

  test('only active members vote, whether or not they paid', ({ assert }) => {
    for (const status of ['applicant', 'resigned', 'expelled', 'rejected']) {
      assert.deepEqual(votingRight({ status, duesPaid: true, duesRequired: false }), {
        mayVote: false,
        reason: 'not_active',
      })
    }
  })

  test('unpaid dues take the vote when the statutes say so', ({ assert }) => {
    assert.deepEqual(votingRight({ status: 'active', duesPaid: false, duesRequired: true }), {
      mayVote: false,
      reason: 'dues_unpaid',
    })
  })

  test('unpaid dues do not matter when the statutes do not ask', ({ assert }) => {
    assert.deepEqual(votingRight({ status: 'active', duesPaid: false, duesRequired: false }), {
      mayVote: true,
      reason: null,
    })
  })
})

test.group('Proxies', () => {
  test('an absent entitled member may give its vote to a present one', ({ assert }) => {
    assert.isNull(checkProxy(proxy()))
  })

  test('limit 1: a holder takes one proxy and no more', ({ assert }) => {
    assert.isNull(checkProxy(proxy({ limit: 1, proxiesHeldByHolder: 0 })))
    assert.equal(checkProxy(proxy({ limit: 1, proxiesHeldByHolder: 1 })), 'over_limit')
  })

  test('limit 2: a holder takes two and no more', ({ assert }) => {
    assert.isNull(checkProxy(proxy({ limit: 2, proxiesHeldByHolder: 1 })))
    assert.equal(checkProxy(proxy({ limit: 2, proxiesHeldByHolder: 2 })), 'over_limit')
  })

  test('limit 0: proxies are banned', ({ assert }) => {
    assert.equal(checkProxy(proxy({ limit: 0, proxiesHeldByHolder: 0 })), 'over_limit')
  })

  test('a present giver votes itself', ({ assert }) => {
    assert.equal(checkProxy(proxy({ giverPresent: true })), 'giver_present')
  })

  test('the holder must be present', ({ assert }) => {
    assert.equal(checkProxy(proxy({ holderPresent: false })), 'holder_absent')
  })

  test('an organisation cannot hold its own proxy', ({ assert }) => {
    assert.equal(checkProxy(proxy({ holderId: 1 })), 'same_organisation')
  })

  test('the holder must be able to cast the vote', ({ assert }) => {
    assert.equal(checkProxy(proxy({ holderMayVote: false })), 'holder_cannot_vote')
  })

  test('a member without a vote has none to give', ({ assert }) => {
    assert.equal(checkProxy(proxy({ giverMayVote: false })), 'giver_cannot_vote')
  })

  test('a second proxy from the same giver is refused', ({ assert }) => {
    assert.equal(checkProxy(proxy({ giverHasGivenProxy: true })), 'already_given')
  })

  test('several faults give one stable answer', ({ assert }) => {
    assert.equal(
      checkProxy(proxy({ giverPresent: true, holderPresent: false, limit: 0 })),
      'giver_present'
    )
    assert.equal(checkProxy(proxy({ holderPresent: false, limit: 0 })), 'holder_absent')
  })
})

test.group('Votes held', () => {
  test('a present entitled member casts its own vote and one per proxy', ({ assert }) => {
    assert.equal(votesHeld({ present: true, mayVote: true, proxiesHeld: 0 }), 1)
    assert.equal(votesHeld({ present: true, mayVote: true, proxiesHeld: 2 }), 3)
  })

  test('an absent or unentitled member casts nothing, proxies included', ({ assert }) => {
    assert.equal(votesHeld({ present: false, mayVote: true, proxiesHeld: 1 }), 0)
    assert.equal(votesHeld({ present: true, mayVote: false, proxiesHeld: 1 }), 0)
  })
})

test.group('Quorum count', () => {
  test('entitled members present or represented by a present holder', ({ assert }) => {
    const result = quorumCount([
      { id: 1, mayVote: true, present: true, proxyGivenTo: null },
      { id: 2, mayVote: true, present: true, proxyGivenTo: null },
      { id: 3, mayVote: true, present: false, proxyGivenTo: 1 },
      { id: 4, mayVote: true, present: false, proxyGivenTo: null },
      { id: 5, mayVote: false, present: true, proxyGivenTo: null },
    ])
    assert.deepEqual(result, { entitled: 4, represented: 3 })
  })

  test('a proxy to an absent or unentitled holder does not represent', ({ assert }) => {
    const result = quorumCount([
      { id: 1, mayVote: true, present: false, proxyGivenTo: null },
      { id: 2, mayVote: true, present: false, proxyGivenTo: 1 },
      { id: 3, mayVote: false, present: true, proxyGivenTo: null },
      { id: 4, mayVote: true, present: false, proxyGivenTo: 3 },
      { id: 5, mayVote: true, present: false, proxyGivenTo: 99 },
    ])
    assert.deepEqual(result, { entitled: 4, represented: 0 })
  })

  test('a member without a vote is neither entitled nor represented', ({ assert }) => {
    const result = quorumCount([
      { id: 1, mayVote: true, present: true, proxyGivenTo: null },
      { id: 2, mayVote: false, present: false, proxyGivenTo: 1 },
    ])
    assert.deepEqual(result, { entitled: 1, represented: 1 })
  })

  test('an empty register', ({ assert }) => {
    assert.deepEqual(quorumCount([]), { entitled: 0, represented: 0 })
  })
})
