import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { CastVote, type CastVoteResult } from '#assemblies/actions/cast_vote'
import { assemblyWithMembers, openBallot } from '#tests/helpers/assemblies'

/*
 * Real concurrency needs real connections, so this group commits and
 * cleans up after itself. On MariaDB the attempts overlap; on SQLite they
 * queue, and the answer must be the same: one vote.
 */
test.group('Fifty attempts to vote twice at once', (group) => {
  group.each.teardown(async () => {
    for (const table of [
      'votes',
      'ballot_voters',
      'ballot_options',
      'ballots',
      'attendances',
      'agenda_items',
      'assemblies',
      'audit_events',
      'contacts',
      'organisation_status_changes',
      'organisations',
      // The helper turned the dues rule off; later tests expect the defaults.
      'association_settings',
    ]) {
      await db.from(table).delete()
    }
  })

  test('leave exactly one vote', async ({ assert }) => {
    const { assembly, organisations } = await assemblyWithMembers({ members: 1 })
    const ballot = await openBallot(assembly)
    const [member] = organisations
    const results: CastVoteResult[] = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        new CastVote().handle({
          ballotId: ballot.id,
          casterId: member.id,
          forOrganisationId: member.id,
          choice: { kind: 'yes_no', answer: index % 2 ? 'yes' : 'no' },
        })
      )
    )
    assert.equal(results.filter((result) => result.status === 'recorded').length, 1)
    assert.equal(results.filter((result) => result.status === 'already_voted').length, 49)
    const voters = await db.from('ballot_voters').where('ballot_id', ballot.id)
    const votes = await db.from('votes').where('ballot_id', ballot.id)
    assert.lengthOf(voters, 1)
    assert.lengthOf(votes, 1)
  })
})
