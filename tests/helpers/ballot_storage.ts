import { access, constants } from 'node:fs/promises'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { readStoredCells } from '#tests/helpers/sqlite_pages'

/*
 * Every order in which the storage of one ballot can be read: organisation
 * ids for the list of who voted, vote keys for the votes. Named by how they
 * were read, so a failing test says which order gave the choices away.
 */

export type StorageOrders = {
  votes: { id: string; choice: string }[]
  voteOrders: Record<string, string[]>
  voterOrders: Record<string, number[]>
}

/** As queries return the rows: with no ORDER BY (whole table, and the ballot's rows) and by key. */
export async function readOrdersByQueries(ballotId: number): Promise<StorageOrders> {
  const all = await db.from('votes').select('id', 'ballot_id', 'choice')
  const votes = all
    .filter((row) => Number(row.ballot_id) === ballotId)
    .map((row) => ({ id: String(row.id), choice: String(row.choice) }))
  const ballotVotes = () => db.from('votes').where('ballot_id', ballotId)
  const voteOrders = {
    'votes without ORDER BY': votes.map((row) => row.id),
    'votes of the ballot without ORDER BY': (await ballotVotes().select('id')).map((row) =>
      String(row.id)
    ),
    'votes by id': (await ballotVotes().orderBy('id').select('id')).map((row) => String(row.id)),
  }
  const voters = await db.from('ballot_voters').select('ballot_id', 'organisation_id')
  const ballotVoters = () => db.from('ballot_voters').where('ballot_id', ballotId)
  const voterOrders = {
    'ballot_voters without ORDER BY': voters
      .filter((row) => Number(row.ballot_id) === ballotId)
      .map((row) => Number(row.organisation_id)),
    'ballot_voters of the ballot without ORDER BY': (
      await ballotVoters().select('organisation_id')
    ).map((row) => Number(row.organisation_id)),
    'ballot_voters by id': (await ballotVoters().orderBy('id').select('organisation_id')).map(
      (row) => Number(row.organisation_id)
    ),
  }
  return { votes, voteOrders, voterOrders }
}

/**
 * As the SQLite file holds them, after a checkpoint has moved everything
 * from the write-ahead log into it: the cells of the tables and of their
 * indexes by their place in the file. Also the files to search for bytes.
 */
export async function readOrdersInSqliteFile(ballotId: number) {
  const [checkpoint] = await db.rawQuery('PRAGMA wal_checkpoint(TRUNCATE)')
  if (checkpoint.busy) throw new Error('The WAL could not be checkpointed: a reader is open')
  const file = sqliteFile()
  const cells = (name: string) => readStoredCells(file, name).sort((a, b) => a.offset - b.offset)
  // votes (WITHOUT ROWID): id, ballot_id, choice, organisation_id; its index: ballot_id, id.
  const voteOrders = {
    'votes cells in the file': cells('votes')
      .filter((cell) => cell.values[1] === ballotId)
      .map((cell) => String(cell.values[0])),
    'votes_ballot_id_index cells in the file': cells('votes_ballot_id_index')
      .filter((cell) => cell.values[0] === ballotId)
      .map((cell) => String(cell.values[1])),
  }
  // ballot_voters: the id is the rowid, stored as NULL in the record; ballot_id and
  // organisation_id follow. The unique index holds ballot_id, organisation_id, rowid.
  const voterOrders = {
    'ballot_voters cells in the file': cells('ballot_voters')
      .filter((cell) => cell.values[1] === ballotId)
      .map((cell) => Number(cell.values[2])),
    'ballot_voters unique index cells in the file': cells(
      'ballot_voters_ballot_id_organisation_id_unique'
    )
      .filter((cell) => cell.values[0] === ballotId)
      .map((cell) => Number(cell.values[1])),
  }
  const files = [file, `${file}-wal`].filter((path) => existsSync(path))
  return { voteOrders, voterOrders, files }
}

function sqliteFile() {
  const config = db.getRawConnection('sqlite')!.config.connection as { filename: string }
  return config.filename
}

/** Whether the tests run on MySQL/MariaDB and may read the server's file for a table. */
export async function tablespaceReadable(table: string) {
  if (env.get('DB_CONNECTION') !== 'mysql') return false
  try {
    await access(await tablespaceFile(table), constants.R_OK)
    return true
  } catch {
    return false
  }
}

async function tablespaceFile(table: string) {
  const [[{ datadir }]] = await db.rawQuery('SELECT @@datadir AS datadir')
  return join(datadir, env.get('MYSQL_DB_NAME') ?? 'kreds_test', `${table}.ibd`)
}

/**
 * A table's InnoDB file. InnoDB writes pages to it in its own time; FLUSH
 * TABLES … FOR EXPORT puts every change on disk and holds the table still
 * while it is read.
 */
export async function readFlushedTablespace(table: string) {
  const file = await tablespaceFile(table)
  const { createConnection } = await import('mysql2/promise')
  const connection = await createConnection({
    host: env.get('MYSQL_HOST') ?? '127.0.0.1',
    port: env.get('MYSQL_PORT') ?? 3306,
    user: env.get('MYSQL_USER') ?? 'root',
    password: env.get('MYSQL_PASSWORD') ?? '',
    database: env.get('MYSQL_DB_NAME') ?? 'kreds_test',
  })
  try {
    await connection.query(`FLUSH TABLES \`${table}\` FOR EXPORT`)
    return readFileSync(file)
  } finally {
    await connection.query('UNLOCK TABLES')
    await connection.end()
  }
}

/**
 * The votes in the order their keys lie in a file: each key is found once in
 * the clustered index and again in each secondary index that carries it, and
 * each of those copies gives an order.
 */
export function voteOrdersInBytes(bytes: Buffer, ids: string[], name: string) {
  const offsets = new Map(ids.map((id) => [id, allOffsets(bytes, Buffer.from(id))]))
  const copies = Math.min(...[...offsets.values()].map((found) => found.length))
  const orders: Record<string, string[]> = {}
  for (let copy = 0; copy < copies; copy++) {
    orders[`${name}, copy ${copy + 1} of each key`] = [...offsets]
      .sort(([, a], [, b]) => a[copy] - b[copy])
      .map(([id]) => id)
  }
  return orders
}

function allOffsets(bytes: Buffer, needle: Buffer) {
  const found: number[] = []
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
    found.push(at)
  }
  return found
}
