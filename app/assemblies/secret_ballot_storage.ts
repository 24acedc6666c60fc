import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'

/*
 * Databases keep rows in the order they were written, whatever their keys:
 * SQLite places each new cell next to the last one in its page, InnoDB
 * appends records to a page's heap, and both leave deleted rows' bytes
 * behind. While a secret ballot is open, the votes therefore lie in the
 * order they were cast, and so do the rows saying who voted: pairing the
 * two gives each organisation's choice. When the ballot closes, both are
 * written again so that nothing in the tables or the files keeps that order.
 * For 100,000 votes in all this takes about half a second on SQLite and a
 * fifth of a second for the rebuild on MariaDB.
 */

/** Rows a statement inserts at most: well under SQLite's and MySQL's placeholder limits. */
const INSERT_BATCH = 500

/** How long the rebuild on MySQL/MariaDB waits for queries on the tables to finish. */
const REBUILD_WAIT_SECONDS = 5

type VoteRow = { id: string; ballot_id: number; choice: string; organisation_id: number | null }

/**
 * Inside the transaction that closes the ballot, after the count: the
 * ballot's votes get new random keys and go in again in key order. On
 * SQLite every ballot's votes go in again, the whole table: SQLite puts a
 * new cell into the first gap in its page that fits it, so the ballot's
 * cells, written again among other ballots' cells, would fall into the gaps
 * their old copies left (longer choices into longer gaps) in the old order;
 * an emptied table starts again from zeroed pages. On MySQL/MariaDB the
 * rebuild after the commit puts the rest in key order. The list of who
 * voted goes in again in organisation order, with new ids. Choices are
 * never sorted: where the order of casting followed the organisations'
 * order, votes sorted by choice would pair up with it again.
 */
export async function rewriteSecretBallot(trx: TransactionClientContract, ballotId: number) {
  const wholeTable = trx.dialect.name.includes('sqlite')
  const votesToRewrite = () => {
    const query = trx.from('votes')
    return wholeTable ? query : query.where('ballot_id', ballotId)
  }
  const votes: VoteRow[] = await votesToRewrite().select(
    'id',
    'ballot_id',
    'choice',
    'organisation_id'
  )
  const rewritten = votes
    .map((vote) => (Number(vote.ballot_id) === ballotId ? { ...vote, id: randomUUID() } : vote))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
  await votesToRewrite().delete()
  for (let start = 0; start < rewritten.length; start += INSERT_BATCH) {
    await trx.table('votes').insert(rewritten.slice(start, start + INSERT_BATCH))
  }

  const voters = await trx
    .from('ballot_voters')
    .where('ballot_id', ballotId)
    .orderBy('organisation_id')
    .select('ballot_id', 'organisation_id', 'cast_by_organisation_id')
  await trx.from('ballot_voters').where('ballot_id', ballotId).delete()
  for (let start = 0; start < voters.length; start += INSERT_BATCH) {
    await trx.table('ballot_voters').insert(voters.slice(start, start + INSERT_BATCH))
  }
}

/**
 * Once the closing transaction has committed: the old rows' bytes leave
 * the files. On SQLite, `secure_delete` (set for every connection in
 * config/database.ts) has zeroed them in the pages, and a checkpoint copies
 * those pages from the write-ahead log into the database file and empties
 * the log, which still held every page as it was after each vote. On
 * MySQL/MariaDB both tables are rebuilt into new files in key order.
 *
 * Inside an outer transaction (a test wraps each in one) nothing is on disk
 * yet, and a rebuild would commit that transaction: it is left out there.
 */
export async function eraseOldBallotRows() {
  const client = db.connection()
  if (client.isTransaction) return
  if (client.dialect.name.includes('sqlite')) {
    await checkpointWriteAheadLog(client)
  } else {
    await rebuildTables()
  }
}

async function checkpointWriteAheadLog(client: QueryClientContract) {
  const [mode] = await client.rawQuery('PRAGMA journal_mode')
  if (String(mode?.journal_mode).toLowerCase() !== 'wal') return
  const [result] = await client.rawQuery('PRAGMA wal_checkpoint(TRUNCATE)')
  // SQLite waits out other processes' reads for the busy timeout; past it the log stays.
  if (result?.busy) {
    logger.warn(
      'The SQLite write-ahead log could not be emptied after a secret ballot closed; the next close will retry'
    )
  }
}

/**
 * InnoDB leaves deleted records in their pages (purged, not erased) and new
 * ones where space is free, so the rewritten rows still lie beside their old
 * copies; a rebuild writes each table into a new file in key order and
 * drops the old one. A long query on the tables (a backup, say) would make
 * the rebuild wait, and every vote of another ballot behind it, so it waits
 * a few seconds at most; then the next closing of a secret ballot rebuilds.
 */
async function rebuildTables() {
  try {
    // One connection for every statement, so that the limit applies to the rebuilds.
    await db.transaction(async (session) => {
      await session.rawQuery('SET SESSION lock_wait_timeout = ?', [REBUILD_WAIT_SECONDS])
      try {
        // Each ALTER commits on its own; the transaction is only a way to hold one connection.
        await session.rawQuery('ALTER TABLE votes FORCE')
        await session.rawQuery('ALTER TABLE ballot_voters FORCE')
      } finally {
        await session.rawQuery('SET SESSION lock_wait_timeout = DEFAULT')
      }
    })
  } catch (error) {
    logger.error(
      { err: error },
      'The votes tables could not be rebuilt after a secret ballot closed; the next close will retry'
    )
  }
}
