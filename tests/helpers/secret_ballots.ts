import { readFileSync } from 'node:fs'
import type { Assert } from '@japa/assert'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import Ballot from '#assemblies/models/ballot'
import { CastVote, type VoteChoice } from '#assemblies/actions/cast_vote'
import { assemblyWithMembers, openBallot } from '#tests/helpers/assemblies'
import { readOrdersByQueries, readOrdersInSqliteFile } from '#tests/helpers/ballot_storage'

/*
 * A secret ballot whose votes are cast in a known order, the choice following
 * the position in that order, so that any storage order still following the
 * order of arrival gives the choices back; and the checks that none does.
 */

export const VOTERS = 40
const CANDIDATES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((letter) => `Kandidat ${letter}`)
/*
 * choice: the k-th vote is option k mod 9, the ninth being blank. election:
 * the k-th vote is the candidates named by the bits of k, so each vote is
 * distinct and the rows differ in length (SQLite reuses a deleted row's
 * space for a row that fits it, and a place kept by length would show).
 */
export const KINDS = ['choice', 'election'] as const
export const ARRIVALS = ['shuffled', 'organisation order'] as const
// Far above chance: with nine choices a random order pairs about 4 right and has about 9
// such neighbours, and a million random orders never reached 18 and 23.
const PAIRED_LIMIT = 20
const NEIGHBOURS_LIMIT = 25

export type CastBallot = Awaited<ReturnType<typeof castSecretBallot>>

/**
 * 40 organisations vote in the given order on an open secret ballot, while a
 * second secret ballot takes a vote between each two. The ballot stays open.
 */
export async function castSecretBallot(
  kind: (typeof KINDS)[number],
  arrival: (typeof ARRIVALS)[number]
) {
  const { assembly, organisations } = await assemblyWithMembers({ members: VOTERS })
  const created = await openBallot(assembly, {
    question: kind === 'choice' ? 'Hvem skal være formand?' : 'Valg af bestyrelse',
    kind,
    secret: true,
    seats: kind === 'election' ? CANDIDATES.length : null,
    options: CANDIDATES,
  })
  const alongside = await openBallot(assembly, { question: 'Godkendes budgettet?', secret: true })
  const ballot = await Ballot.query().where('id', created.id).preload('options').firstOrFail()
  const optionIds = ballot.options.map((option) => option.id)

  const castOrder = arrival === 'shuffled' ? shuffled(organisations, 20_251_204) : organisations
  const choiceOf = new Map<number, string>()
  const positionOf = new Map<string, number>()
  const choices: VoteChoice[] = []
  for (const [position, organisation] of castOrder.entries()) {
    const choice = choiceAt(kind, position, optionIds)
    choices.push(choice)
    choiceOf.set(organisation.id, storedChoice(choice))
    positionOf.set(storedChoice(choice), position)
    const answer = position % 2 ? 'yes' : 'no'
    for (const [ballotId, given] of [
      [ballot.id, choice],
      [alongside.id, { kind: 'yes_no', answer }],
    ] as const) {
      const result = await new CastVote().handle({
        ballotId,
        casterId: organisation.id,
        forOrganisationId: organisation.id,
        choice: given,
      })
      if (result.status !== 'recorded') throw new Error(`Vote not recorded: ${result.status}`)
    }
  }
  const rows = await db.from('votes').where('ballot_id', ballot.id).select('id')
  const oldIds = rows.map((row) => String(row.id))
  if (oldIds.length !== VOTERS) throw new Error(`${oldIds.length} votes stored`)
  return {
    id: ballot.id,
    kind,
    optionIds,
    choices,
    choiceOf,
    // Where in the order of casting a stored choice was made (the last time, when repeated).
    positionOf,
    oldIds,
    castOrder: castOrder.map((organisation) => organisation.id),
  }
}

/**
 * Every order the ballot's storage can be read in (queries, and on SQLite the
 * file's cells) pairs nothing; the list of who voted is in organisation
 * order; and no old vote key is left in the table or in the files.
 */
export async function assertStorageSealed(assert: Assert, ballot: CastBallot) {
  const read = await readOrdersByQueries(ballot.id)
  const files: string[] = []
  if (env.get('DB_CONNECTION') !== 'mysql') {
    const inFile = await readOrdersInSqliteFile(ballot.id)
    Object.assign(read.voteOrders, inFile.voteOrders)
    Object.assign(read.voterOrders, inFile.voterOrders)
    files.push(...inFile.files)
  }
  assertNothingPairs(assert, ballot, read.voterOrders, read.voteOrders, read.votes)

  // An order that depends on who voted, not when.
  const byId = read.voterOrders['ballot_voters by id']
  const byOrganisation = [...byId].sort((a, b) => a - b)
  assert.deepEqual(byId, byOrganisation)

  const current = new Set(read.votes.map((row) => row.id))
  assert.isEmpty(ballot.oldIds.filter((id) => current.has(id)))
  for (const file of files) {
    const bytes = readFileSync(file)
    const left = ballot.oldIds.filter((id) => bytes.includes(Buffer.from(id)))
    assert.isEmpty(left, `old vote keys in ${file}`)
  }
}

/**
 * Pairs the k-th voter of each order with the k-th vote of each order (and
 * of each order reversed), counting the choices this gets right; the order
 * of casting, which the room could have watched, is one of the voter
 * orders. Then counts, in each order of votes, the neighbours cast one
 * after the other: an order keeping runs of arrival order, shifted or
 * backwards, has far more than chance.
 */
export function assertNothingPairs(
  assert: Assert,
  ballot: CastBallot,
  voterOrders: Record<string, number[]>,
  voteOrders: Record<string, string[]>,
  votes: { id: string; choice: string }[]
) {
  const choiceById = new Map(votes.map((row) => [row.id, row.choice]))
  const figures: string[] = []
  const recovering: string[] = []
  const record = (figure: string, count: number, limit: number) => {
    figures.push(`${figure}: ${count}`)
    if (count >= limit) recovering.push(`${figure}: ${count}`)
  }
  const voters = { 'order of casting': ballot.castOrder, ...voterOrders }
  for (const [voteHow, ids] of Object.entries(voteOrders)) {
    assert.lengthOf(ids, VOTERS, voteHow)
    const choices = ids.map((id) => choiceById.get(id)!)
    for (const [voterHow, organisationIds] of Object.entries(voters)) {
      assert.lengthOf(organisationIds, VOTERS, voterHow)
      for (const [direction, paired] of [
        ['', choices],
        [' reversed', [...choices].reverse()],
      ] as const) {
        const right = organisationIds.filter((id, k) => paired[k] === ballot.choiceOf.get(id))
        const figure = `${voterHow} × ${voteHow}${direction}, right of ${VOTERS}`
        record(figure, right.length, PAIRED_LIMIT)
      }
    }
    const neighbours = castInSequence(ballot, choices)
    record(`${voteHow}, neighbours cast one after the other`, neighbours, NEIGHBOURS_LIMIT)
  }
  if (process.env.SHOW_PAIRINGS) console.log(figures.join('\n'))
  assert.isEmpty(recovering, 'storage orders that give the choices back')
}

/** Neighbours in this order of votes whose choices were made one after the other. */
function castInSequence(ballot: CastBallot, choices: string[]) {
  // Nine choices repeat every nine votes; forty distinct ones do not.
  const cycle = ballot.kind === 'choice' ? CANDIDATES.length + 1 : Number.POSITIVE_INFINITY
  let count = 0
  for (let k = 1; k < choices.length; k++) {
    const step = Math.abs(
      ballot.positionOf.get(choices[k])! - ballot.positionOf.get(choices[k - 1])!
    )
    if (Math.min(step % cycle, cycle - (step % cycle)) === 1) count++
  }
  return count
}

/** The stored result counts the votes as they were cast. */
export async function assertResultAsCast(assert: Assert, ballot: CastBallot) {
  const stored = await Ballot.findOrFail(ballot.id)
  const perOption = Object.fromEntries(ballot.optionIds.map((id) => [String(id), 0]))
  let blank = 0
  for (const choice of ballot.choices) {
    const picked =
      choice.kind === 'election'
        ? choice.optionIds
        : choice.kind === 'choice' && choice.optionId !== null
          ? [choice.optionId]
          : []
    if (picked.length === 0) blank++
    for (const id of picked) perOption[String(id)]++
  }
  if (ballot.kind === 'choice') {
    assert.deepInclude(stored.result!, { kind: 'choice', counts: perOption, blank })
  } else {
    assert.deepInclude(stored.result!, { kind: 'election', votes: perOption, blank })
  }
}

/** What these tests commit, removed again: later tests expect empty tables and the defaults. */
export async function removeCommittedAssemblies() {
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
    'association_settings',
  ]) {
    await db.from(table).delete()
  }
}

function choiceAt(kind: string, position: number, optionIds: number[]): VoteChoice {
  if (kind === 'election') {
    return { kind: 'election', optionIds: optionIds.filter((_, bit) => position & (1 << bit)) }
  }
  const index = position % (optionIds.length + 1)
  return { kind: 'choice', optionId: index < optionIds.length ? optionIds[index] : null }
}

/** A choice as the votes table holds it. */
function storedChoice(choice: VoteChoice) {
  if (choice.kind === 'election') return JSON.stringify(choice.optionIds.map(String).sort())
  if (choice.kind === 'choice') return choice.optionId === null ? 'blank' : String(choice.optionId)
  return choice.answer
}

/** A fixed shuffle (mulberry32), so a failure shows the same figures when run again. */
function shuffled<T>(items: T[], seed: number) {
  const result = [...items]
  let state = seed
  const random = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[result[index], result[other]] = [result[other], result[index]]
  }
  return result
}
