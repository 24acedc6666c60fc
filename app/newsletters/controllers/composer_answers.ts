import type { DateTime } from 'luxon'
import type { I18n } from '@adonisjs/i18n'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type NewsletterIssue from '#newsletters/models/newsletter_issue'
import { editorBlocksOf, versionOf } from '#newsletters/blocks/visual_edit'
import { reviewIssue, type DraftIssue } from '#newsletters/checks/review_issue'
import { describeChecks } from '#newsletters/checks/messages'
import { previewCopy } from '#newsletters/compose/sample_reader'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import type { OtherEditor } from '#newsletters/queries/issue_presence'
import { displayLocale, formatTime } from '#shared/formatting'

/** "14.05" in Danish, "14:05" in English, in Danish time: the clock the secretariat reads. */
export function clockTime(time: DateTime, i18n: I18n) {
  return formatTime(time, displayLocale(i18n))
}

/**
 * The preview and the checks before sending, as sending will decide them:
 * the page shows both beside either view and refreshes them as it changes.
 */
export async function reviewForPreview(draft: DraftIssue, i18n: I18n) {
  const review = await reviewIssue(draft, await getAssociationSettings())
  return {
    problems: review.problems,
    html: review.html ? previewCopy(review.html) : null,
    checks: describeChecks(review.checks, i18n),
  }
}

/**
 * What an autosave is told: the new version to save over next time, where
 * the issue now lives (a new one has just been created), and for the visual
 * view the stored blocks, so the editor's origins refer to this version.
 */
export function savedAnswer(issue: NewsletterIssue, editor: 'code' | 'visual', i18n: I18n) {
  const savedAt = issue.updatedAt
  const params = { id: issue.id }
  return {
    status: 'saved' as const,
    id: issue.id,
    base: versionOf(issue.bodyMjml),
    savedAt: savedAt.toISO(),
    message: i18n.t('newsletters.composer.saved_at', { time: clockTime(savedAt, i18n) }),
    updateUrl: urlFor('issues.update', params, { qs: { _method: 'PUT' } }),
    editUrl: urlFor('issues.edit', params),
    presenceUrl: urlFor('issue_presence.store', params),
    blocks: editor === 'visual' ? editorBlocksOf(issue.bodyMjml) : null,
  }
}

/** The presence warning's lines: one per other person with the issue open. */
export function presenceAnswer(others: OtherEditor[], i18n: I18n) {
  return {
    others: others.map((other) => ({
      name: other.name,
      message: i18n.t('newsletters.composer.also_open', {
        name: other.name,
        time: clockTime(other.openedAt, i18n),
      }),
    })),
  }
}
