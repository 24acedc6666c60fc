import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Ballot from '#assemblies/models/ballot'
import { CastVote, type VoteChoice } from '#assemblies/actions/cast_vote'
import { CloseBallot } from '#assemblies/actions/close_ballot'
import { GiveProxy } from '#assemblies/actions/give_proxy'
import { assemblyWithMembers, board, openBallot } from '#tests/helpers/assemblies'

const yes: VoteChoice = { kind: 'yes_no', answer: 'yes' }
const no: VoteChoice = { kind: 'yes_no', answer: 'no' }

test.group('Voting', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('each present member votes once; the result is stored at close; a vote after close is refused', async ({
    assert,
  }) => {
    const { assembly, organisations } = await assemblyWithMembers({ members: 4, present: 3 })
    const ballot = await openBallot(assembly)
    const vote = (caster: number, forId: number, choice = yes) =>
      new CastVote().handle({
        ballotId: ballot.id,
        casterId: caster,
        forOrganisationId: forId,
        choice,
      })
    const [a, b, c, absent] = organisations
    assert.deepEqual(await vote(a.id, a.id), { status: 'recorded' })
    assert.deepEqual(await vote(b.id, b.id, no), { status: 'recorded' })
    assert.deepEqual(await vote(c.id, c.id), { status: 'recorded' })
    assert.deepEqual(await vote(a.id, a.id, no), { status: 'already_voted' })
    assert.deepEqual(await vote(absent.id, absent.id), { status: 'not_present' })
    assert.deepEqual(await vote(a.id, absent.id), { status: 'not_yours' })

    const closed = await new CloseBallot().handle(ballot.id, null, board)
    assert.equal(closed.status, 'closed')
    const stored = await Ballot.findOrFail(ballot.id)
    assert.equal(stored.status, 'closed')
    assert.deepInclude(stored.result!, {
      kind: 'yes_no',
      counts: { yes: 2, no: 1, blank: 0 },
      outcome: 'adopted',
      cast: 3,
    })
    assert.deepEqual(await vote(absent.id, absent.id), { status: 'not_open' })
  })

  test('a proxy holder casts the absent member’s vote too, and only its', async ({ assert }) => {
    const { assembly, organisations } = await assemblyWithMembers({ members: 3, present: 1 })
    const [holder, giver, other] = organisations
    assert.deepEqual(
      await new GiveProxy().handle(
        { assemblyId: assembly.id, giverId: giver.id, holderId: holder.id },
        board
      ),
      { status: 'given' }
    )
    const ballot = await openBallot(assembly)
    const vote = (forId: number) =>
      new CastVote().handle({
        ballotId: ballot.id,
        casterId: holder.id,
        forOrganisationId: forId,
        choice: yes,
      })
    assert.deepEqual(await vote(holder.id), { status: 'recorded' })
    assert.deepEqual(await vote(giver.id), { status: 'recorded' })
    assert.deepEqual(await vote(other.id), { status: 'not_yours' })
  })

  test('a ballot handed in already read is checked again when the vote is written: closed meanwhile, nothing is recorded', async ({
    assert,
  }) => {
    const { assembly, organisations } = await assemblyWithMembers({ members: 2 })
    const ballot = await openBallot(assembly)
    const [first, second] = organisations
    const read = await Ballot.query().where('id', ballot.id).preload('options').firstOrFail()
    const vote = (organisationId: number) =>
      new CastVote().handle(
        {
          ballotId: ballot.id,
          casterId: organisationId,
          forOrganisationId: organisationId,
          choice: yes,
        },
        { ballot: read, assembly }
      )
    assert.deepEqual(await vote(first.id), { status: 'recorded' })
    await new CloseBallot().handle(ballot.id, null, board)
    // The copy read before the close still says open.
    assert.equal(read.status, 'open')
    assert.deepEqual(await vote(second.id), { status: 'not_open' })
    const voters = await db.from('ballot_voters').where('ballot_id', ballot.id)
    assert.deepEqual(
      voters.map((row) => row.organisation_id),
      [first.id]
    )
  })

  test('a secret ballot keeps no link from a vote to an organisation', async ({ assert }) => {
    const { assembly, organisations } = await assemblyWithMembers({ members: 3 })
    const ballot = await openBallot(assembly, { secret: true })
    for (const [index, organisation] of organisations.entries()) {
      await new CastVote().handle({
        ballotId: ballot.id,
        casterId: organisation.id,
        forOrganisationId: organisation.id,
        choice: index === 0 ? no : yes,
      })
    }
    const votes = await db.from('votes').where('ballot_id', ballot.id)
    assert.lengthOf(votes, 3)
    for (const voteRow of votes) {
      assert.isNull(voteRow.organisation_id)
      assert.sameMembers(Object.keys(voteRow), ['id', 'ballot_id', 'choice', 'organisation_id'])
      assert.match(voteRow.id, /^[0-9a-f-]{36}$/)
    }
    const voters = await db.from('ballot_voters').where('ballot_id', ballot.id)
    assert.sameMembers(Object.keys(voters[0]), [
      'id',
      'ballot_id',
      'organisation_id',
      'cast_by_organisation_id',
    ])
  })
})
