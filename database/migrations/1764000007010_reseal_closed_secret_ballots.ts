import { randomUUID } from 'node:crypto'
import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Secret ballots closed before closing rewrote them still keep their votes
 * and the list of who voted in the order they were cast, in the tables'
 * pages and files. Each is written again as closing now does: new random
 * keys for its votes, the votes table rewritten in key order, the list of
 * who voted in organisation order with new ids; then SQLite's log is
 * checkpointed, or the MySQL/MariaDB tables are rebuilt into new files.
 * Plain queries, so that this stays what it was when the app's code changes.
 */
export default class extends BaseSchema {
  // A rebuild on MySQL/MariaDB commits whatever transaction is open; each step commits itself.
  static disableTransactions = true

  async up() {
    this.defer(async (client) => {
      const ballots = await client
        .from('ballots')
        .where('secret', true)
        .where('status', 'closed')
        .select('id')
      const sealed = new Set(ballots.map((ballot) => Number(ballot.id)))
      if (sealed.size === 0) return
      const sqlite = client.dialect.name.includes('sqlite')
      // Deleted cells are zeroed, not left in the file.
      if (sqlite) await client.rawQuery('PRAGMA secure_delete = ON')

      await client.transaction(async (trx) => {
        const votes = await trx.from('votes').select('id', 'ballot_id', 'choice', 'organisation_id')
        const rewritten = votes
          .map((vote) =>
            sealed.has(Number(vote.ballot_id)) ? { ...vote, id: randomUUID() } : vote
          )
          .sort((a, b) => (a.id < b.id ? -1 : 1))
        await trx.from('votes').delete()
        for (let start = 0; start < rewritten.length; start += 500) {
          await trx.table('votes').insert(rewritten.slice(start, start + 500))
        }

        const voters = await trx
          .from('ballot_voters')
          .whereIn('ballot_id', [...sealed])
          .orderBy('ballot_id')
          .orderBy('organisation_id')
          .select('ballot_id', 'organisation_id', 'cast_by_organisation_id')
        await trx
          .from('ballot_voters')
          .whereIn('ballot_id', [...sealed])
          .delete()
        for (let start = 0; start < voters.length; start += 500) {
          await trx.table('ballot_voters').insert(voters.slice(start, start + 500))
        }
      })

      if (sqlite) {
        const [mode] = await client.rawQuery('PRAGMA journal_mode')
        if (String(mode?.journal_mode).toLowerCase() === 'wal') {
          await client.rawQuery('PRAGMA wal_checkpoint(TRUNCATE)')
        }
      } else {
        await client.rawQuery('ALTER TABLE votes FORCE')
        await client.rawQuery('ALTER TABLE ballot_voters FORCE')
      }
    })
  }

  async down() {
    // Nothing to undo: the same votes and voters, only written again.
  }
}
