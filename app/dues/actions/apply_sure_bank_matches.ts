import db from '@adonisjs/lucid/services/db'
import BookedBankEntry from '#dues/models/booked_bank_entry'
import { matchEntryIn } from '#dues/actions/match_bank_entry'
import type { Actor } from '#audit/actor'

export type ApplySureBankMatchesResult = {
  applied: number
  /** Sure matches the books refused (paid by hand since, credited, a closed period): left open. */
  refused: number
  /** Sure matches still waiting once this batch is done. */
  remaining: number
}

/**
 * Pays what the sure matches of a statement point at, one entry per
 * transaction and at most `limit` per call, so a big statement shows its
 * progress between batches and a crash loses nothing: an entry is either
 * matched with all its payments or still open.
 */
export class ApplySureBankMatches {
  async handle(
    input: { statementId: number; limit?: number },
    actor: Actor
  ): Promise<ApplySureBankMatchesResult> {
    const candidates = await sureOpenEntries(input.statementId)
    const batch = candidates.slice(0, input.limit ?? candidates.length)
    let applied = 0
    let refused = 0
    for (const entry of batch) {
      const suggestion = entry.suggestion!
      const result = await db.transaction((trx) =>
        matchEntryIn(
          trx,
          entry.id,
          suggestion.allocations.map((part) => ({
            invoiceId: part.invoiceId,
            amountOre: part.amountOre,
            // Paid by hand, reminded or credited since the import: the match is no longer sure.
            expectedBalanceOre: part.openOre,
          })),
          suggestion.reason.code,
          actor
        )
      )
      if (result.status === 'matched') applied += 1
      else if (result.status !== 'not_open') {
        refused += 1
        await markRefused(entry)
      }
    }
    return { applied, refused, remaining: candidates.length - batch.length }
  }
}

/** Open entries of the statement whose stored suggestion is sure and not yet refused. */
async function sureOpenEntries(statementId: number) {
  const entries = await BookedBankEntry.query()
    .join('bank_statement_lines', 'bank_statement_lines.bank_entry_id', 'bank_entries.id')
    .where('bank_statement_lines.bank_statement_id', statementId)
    .where('bank_entries.state', 'open')
    .whereNotNull('bank_entries.suggestion')
    .orderBy('bank_statement_lines.line')
    .select('bank_entries.*')
  return entries.filter((entry) => entry.suggestion?.certainty === 'sure')
}

/** A sure match the books refused becomes a likely one: the treasurer looks at it. */
async function markRefused(entry: BookedBankEntry) {
  entry.suggestion = { ...entry.suggestion!, certainty: 'likely' }
  await entry.save()
}
