import db from '@adonisjs/lucid/services/db'

/**
 * The questions of the secret ballots open now. Until one closes, its votes
 * lie in the database in the order they arrived, beside the list of who has
 * voted: a copy taken meanwhile (a backup, a snapshot) could pair the two.
 */
export async function openSecretBallots(): Promise<string[]> {
  const rows = await db
    .from('ballots')
    .where('status', 'open')
    .where('secret', true)
    .orderBy('id')
    .select('question')
  return rows.map((row: { question: string }) => row.question)
}
