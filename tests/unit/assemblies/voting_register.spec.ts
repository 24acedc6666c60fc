import { test } from '@japa/runner'
import {
  checkProxy,
  quorumCount,
  votesHeld,
  votingRight,
  type DuesVotingStatutes,
  type ProxyRequest,
  type VotingRight,
} from '#assemblies/rules/voting_register'
import { duesStanding, type StandingInvoice } from '#dues/dues_standing'

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

/** Each dues setting set against the member: not invoiced and not yet due both take the vote. */
const STRICT: DuesVotingStatutes = {
  unpaidDuesRemoveVotingRight: true,
  votesWhenNotInvoiced: false,
  votesWhenDuesNotDue: false,
}
/** Both set for the member, as the defaults are. */
const LENIENT: DuesVotingStatutes = {
  unpaidDuesRemoveVotingRight: true,
  votesWhenNotInvoiced: true,
  votesWhenDuesNotDue: true,
}
/** Unpaid dues do not take the vote at all. */
const DUES_IGNORED: DuesVotingStatutes = {
  unpaidDuesRemoveVotingRight: false,
  votesWhenNotInvoiced: false,
  votesWhenDuesNotDue: false,
}

const yes = (reason: VotingRight['reason']): VotingRight => ({ mayVote: true, reason })
const no = (reason: VotingRight['reason']): VotingRight => ({ mayVote: false, reason })

/** Each case under each setting, with the answer and the reason the register shows. */
const CASES: {
  name: string
  member: Parameters<typeof votingRight>[0]
  strict: VotingRight
  lenient: VotingRight
  duesIgnored: VotingRight
}[] = [
  {
    name: 'never invoiced for the year',
    member: { statusOnDay: 'active', dues: 'not_invoiced' },
    strict: no('not_invoiced'),
    lenient: yes('not_invoiced'),
    duesIgnored: yes('not_invoiced'),
  },
  {
    name: 'invoiced, not yet due',
    member: { statusOnDay: 'active', dues: 'not_due' },
    strict: no('not_due'),
    lenient: yes('not_due'),
    duesIgnored: yes('not_due'),
  },
  {
    name: 'paid',
    member: { statusOnDay: 'active', dues: 'paid' },
    strict: yes(null),
    lenient: yes(null),
    duesIgnored: yes(null),
  },
  {
    name: 'unpaid past due',
    member: { statusOnDay: 'active', dues: 'unpaid' },
    strict: no('dues_unpaid'),
    lenient: no('dues_unpaid'),
    duesIgnored: yes('dues_unpaid'),
  },
  {
    name: 'unpaid past due, within the grace months',
    member: { statusOnDay: 'active', dues: 'in_grace' },
    strict: yes('in_grace'),
    lenient: yes('in_grace'),
    duesIgnored: yes('in_grace'),
  },
  {
    name: 'exempt: the tier charges nothing',
    member: { statusOnDay: 'active', dues: 'exempt' },
    strict: yes('exempt'),
    lenient: yes('exempt'),
    duesIgnored: yes('exempt'),
  },
  {
    name: 'resigned by the day, dues paid',
    member: { statusOnDay: 'resigned', dues: 'paid' },
    strict: no('not_active'),
    lenient: no('not_active'),
    duesIgnored: no('not_active'),
  },
  {
    name: 'expelled by the day, never invoiced',
    member: { statusOnDay: 'expelled', dues: 'not_invoiced' },
    strict: no('not_active'),
    lenient: no('not_active'),
    duesIgnored: no('not_active'),
  },
  {
    name: 'not yet a member on the day',
    member: { statusOnDay: null, dues: 'not_invoiced' },
    strict: no('not_member'),
    lenient: no('not_member'),
    duesIgnored: no('not_member'),
  },
  {
    name: 'an applicant, exempt',
    member: { statusOnDay: 'applicant', dues: 'exempt' },
    strict: no('not_member'),
    lenient: no('not_member'),
    duesIgnored: no('not_member'),
  },
]

test.group('Voting rights', () => {
  for (const entry of CASES) {
    test(entry.name, ({ assert }) => {
      assert.deepEqual(votingRight(entry.member, STRICT), entry.strict, 'strict statutes')
      assert.deepEqual(votingRight(entry.member, LENIENT), entry.lenient, 'lenient statutes')
      assert.deepEqual(votingRight(entry.member, DUES_IGNORED), entry.duesIgnored, 'dues ignored')
    })
  }

  test('the not-invoiced and not-due settings each decide their own case only', ({ assert }) => {
    const onlyInvoiced = { ...STRICT, votesWhenNotInvoiced: true }
    const onlyDue = { ...STRICT, votesWhenDuesNotDue: true }
    const notInvoiced = { statusOnDay: 'active', dues: 'not_invoiced' } as const
    const notDue = { statusOnDay: 'active', dues: 'not_due' } as const
    assert.deepEqual(votingRight(notInvoiced, onlyInvoiced), yes('not_invoiced'))
    assert.deepEqual(votingRight(notDue, onlyInvoiced), no('not_due'))
    assert.deepEqual(votingRight(notInvoiced, onlyDue), no('not_invoiced'))
    assert.deepEqual(votingRight(notDue, onlyDue), yes('not_due'))
  })
})

test.group('Dues standing on the day', () => {
  const invoice = (balanceOre: number, dueDate = '2026-03-03', totalOre = 125_000) => ({
    totalOre,
    balanceOre,
    dueDate,
  })
  const standing = (invoices: StandingInvoice[], day: string, graceMonths = 0, fee = 125_000) =>
    duesStanding({ invoices, tierFeeOre: fee, day, graceMonths })

  test('never invoiced, or exempt when the tier charges nothing for the year', ({ assert }) => {
    assert.equal(standing([], '2026-04-20'), 'not_invoiced')
    assert.equal(standing([], '2026-04-20', 0, 0), 'exempt')
    assert.equal(standing([invoice(0, '2026-03-03', 0)], '2026-04-20'), 'exempt')
  })

  test('paid, not yet due on or before the due date, then within grace, then unpaid', ({
    assert,
  }) => {
    assert.equal(standing([invoice(0)], '2026-04-20'), 'paid')
    assert.equal(standing([invoice(-500)], '2026-04-20'), 'paid', 'overpaid')
    assert.equal(standing([invoice(125_000)], '2026-03-03'), 'not_due', 'the due date itself')
    assert.equal(standing([invoice(60_000)], '2026-03-04'), 'unpaid', 'partly paid, past due')
    assert.equal(standing([invoice(125_000)], '2026-05-03', 2), 'in_grace')
    assert.equal(standing([invoice(125_000)], '2026-05-04', 2), 'unpaid')
  })

  test('the worst of several invoices for the year', ({ assert }) => {
    assert.equal(
      standing([invoice(0), invoice(100, '2026-05-01'), invoice(100)], '2026-04-20'),
      'unpaid'
    )
    assert.equal(standing([invoice(0), invoice(100, '2026-05-01')], '2026-04-20'), 'not_due')
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
