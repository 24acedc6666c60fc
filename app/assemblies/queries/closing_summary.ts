import db from '@adonisjs/lucid/services/db'
import Ballot from '#assemblies/models/ballot'

/** What closing an assembly settles: its ballots by status and who attended. */
export async function getClosingSummary(assemblyId: number) {
  const ballots = await Ballot.query()
    .where('assembly_id', assemblyId)
    .orderBy('id')
    .select('id', 'question', 'status')
  const present = await db
    .from('attendances')
    .where('assembly_id', assemblyId)
    .where('present', true)
    .count('* as total')
    .first()
  const count = (status: string) => ballots.filter((ballot) => ballot.status === status).length
  return {
    openBallots: ballots.filter((ballot) => ballot.status === 'open'),
    ballotCounts: { open: count('open'), closed: count('closed'), draft: count('draft') },
    present: Number(present?.total ?? 0),
  }
}
