import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import NewsletterIssueVersion from '#newsletters/models/newsletter_issue_version'
import type NewsletterIssue from '#newsletters/models/newsletter_issue'
import type { Actor } from '#audit/actor'
import { sqlTimestamp } from '#shared/sql_time'

/** How long and how many versions an issue keeps: enough to undo a bad day, bounded in size. */
export const VERSION_LIMITS = { days: 90, count: 50, coalesceSeconds: 60 }

export type IssueContent = { subject: string; preheader: string | null; bodyMjml: string }

/** The draft as it stood before this save, for an issue saved before versions were kept. */
export type EarlierDraft = IssueContent & { savedBy: string; savedAt: DateTime }

export type VersionOutcome = 'recorded' | 'coalesced' | 'unchanged'

const sameContent = (a: IssueContent, b: IssueContent) =>
  a.subject === b.subject && a.preheader === b.preheader && a.bodyMjml === b.bodyMjml

/**
 * Keeps the issue as this save left it. Autosaves of one person within a
 * minute replace that person's newest autosaved version instead of adding
 * one, so typing for an hour leaves about one version a minute, not hundreds.
 */
export async function recordIssueVersion(
  trx: TransactionClientContract,
  issue: NewsletterIssue,
  actor: Actor,
  options: { autosave: boolean; earlier: EarlierDraft | null }
): Promise<VersionOutcome> {
  const now = DateTime.now()
  const newest = await NewsletterIssueVersion.query({ client: trx })
    .where('issue_id', issue.id)
    .orderBy('id', 'desc')
    .first()
  if (!newest && options.earlier && !sameContent(options.earlier, issue)) {
    // The first save since versions were kept must not lose what was there before.
    await NewsletterIssueVersion.create(
      {
        issueId: issue.id,
        ...contentOf(options.earlier),
        savedBy: options.earlier.savedBy,
        savedByUserId: null,
        autosave: false,
        firstSavedAt: options.earlier.savedAt,
        savedAt: options.earlier.savedAt,
      },
      { client: trx }
    )
  }
  if (newest && sameContent(newest, issue)) return 'unchanged'
  const coalesce =
    options.autosave &&
    newest?.autosave &&
    newest.savedBy === actor.label &&
    newest.firstSavedAt > now.minus({ seconds: VERSION_LIMITS.coalesceSeconds })
  if (coalesce && newest) {
    newest.merge({ ...contentOf(issue), savedAt: now })
    await newest.useTransaction(trx).save()
    return 'coalesced'
  }
  await NewsletterIssueVersion.create(
    {
      issueId: issue.id,
      ...contentOf(issue),
      savedBy: actor.label,
      savedByUserId: actor.type === 'user' ? actor.id : null,
      autosave: options.autosave,
      firstSavedAt: now,
      savedAt: now,
    },
    { client: trx }
  )
  await pruneVersions(trx, issue.id, now)
  return 'recorded'
}

function contentOf(content: IssueContent): IssueContent {
  return { subject: content.subject, preheader: content.preheader, bodyMjml: content.bodyMjml }
}

/** Drops versions older than the limit in days and beyond the newest `count`; the newest stays. */
async function pruneVersions(trx: TransactionClientContract, issueId: number, now: DateTime) {
  const kept = await trx
    .from('newsletter_issue_versions')
    .where('issue_id', issueId)
    .orderBy('id', 'desc')
    .limit(VERSION_LIMITS.count)
    .select('id')
  const keptIds = kept.map((row) => Number(row.id))
  const cutoff = now.minus({ days: VERSION_LIMITS.days })
  await NewsletterIssueVersion.query({ client: trx })
    .where('issue_id', issueId)
    .where('id', '<>', keptIds[0])
    .where((query) => {
      query.whereNotIn('id', keptIds).orWhere('saved_at', '<', sqlTimestamp(cutoff))
    })
    .delete()
}
