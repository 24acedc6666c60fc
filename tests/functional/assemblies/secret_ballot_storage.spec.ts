import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { CloseBallot } from '#assemblies/actions/close_ballot'
import { sqlTimestamp } from '#shared/sql_time'
import Reseal from '#database/migrations/1764000007010_reseal_closed_secret_ballots'
import { board } from '#tests/helpers/assemblies'
import {
  readFlushedTablespace,
  readOrdersByQueries,
  tablespaceReadable,
  voteOrdersInBytes,
} from '#tests/helpers/ballot_storage'
import {
  ARRIVALS,
  KINDS,
  assertNothingPairs,
  assertResultAsCast,
  assertStorageSealed,
  castSecretBallot,
  removeCommittedAssemblies,
  type CastBallot,
} from '#tests/helpers/secret_ballots'

/*
 * Someone who gets hold of the database (a copy of the file, a backup, the
 * server's disk) after a secret ballot must not be able to pair the list of
 * who voted with the choices. 40 organisations vote in a known order, the
 * choice following the position, and every order the storage can be read in
 * (queries with and without ORDER BY, the SQLite file's cells, the InnoDB
 * file's records) is paired with every order of voters; see
 * tests/helpers/secret_ballots.ts.
 *
 * The group commits for real (the files are read as they lie on disk), so it
 * cleans up after itself.
 */

const ibdSkip = 'needs MySQL/MariaDB (DB_CONNECTION=mysql) with its data directory readable here'

const sealings = {
  'closing': async (ballot: CastBallot) => {
    const closed = await new CloseBallot().handle(ballot.id, null, board)
    if (closed.status !== 'closed') throw new Error(`Ballot not closed: ${closed.status}`)
  },
  // A ballot closed before closing rewrote anything, sealed afterwards by the migration.
  'the migration': async (ballot: CastBallot) => {
    await db
      .from('ballots')
      .where('id', ballot.id)
      .update({ status: 'closed', closed_at: sqlTimestamp() })
    await new Reseal(db.connection(), 'reseal_closed_secret_ballots').execUp()
  },
}

const cases = [
  ...KINDS.flatMap((kind) =>
    ARRIVALS.map((arrival) => ({ kind, arrival, sealing: 'closing' as const }))
  ),
  { kind: 'election' as const, arrival: 'shuffled' as const, sealing: 'the migration' as const },
]

test.group('A secret ballot once closed', (group) => {
  group.each.timeout(120_000)
  group.each.teardown(() => removeCommittedAssemblies())

  for (const { kind, arrival, sealing } of cases) {
    const title = `${kind} ballot, votes cast in ${arrival}, sealed by ${sealing}`

    test(`keeps no order that pairs voters with choices (${title})`, async ({ assert }) => {
      const ballot = await castSecretBallot(kind, arrival)
      await sealings[sealing](ballot)
      if (sealing === 'closing') await assertResultAsCast(assert, ballot)
      await assertStorageSealed(assert, ballot)
    })

    test(`leaves no old keys and no order of casting in votes.ibd (${title})`, async ({
      assert,
    }) => {
      const ballot = await castSecretBallot(kind, arrival)
      await sealings[sealing](ballot)
      const read = await readOrdersByQueries(ballot.id)
      const bytes = await readFlushedTablespace('votes')
      const ids = read.votes.map((row) => row.id)
      const voteOrders = voteOrdersInBytes(bytes, ids, 'votes.ibd')
      assert.isNotEmpty(voteOrders, 'the new keys are in votes.ibd')
      assertNothingPairs(assert, ballot, read.voterOrders, voteOrders, read.votes)
      const left = ballot.oldIds.filter((id) => bytes.includes(Buffer.from(id)))
      assert.isEmpty(left, 'old vote keys in votes.ibd')
    }).skip(async () => !(await tablespaceReadable('votes')), ibdSkip)
  }
})
