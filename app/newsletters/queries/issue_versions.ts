import type NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterIssueVersion from '#newsletters/models/newsletter_issue_version'
import User from '#identity/models/user'

export type IssueVersionRow = {
  id: number
  savedAt: NewsletterIssueVersion['savedAt']
  /** The person's name where the version was saved by a staff user still known, else the label. */
  savedBy: string
  autosave: boolean
  subject: string
}

/**
 * The earlier versions of an issue, newest first, for the edit page. A
 * version that is exactly the current draft is left out: restoring it
 * would change nothing.
 */
export async function earlierVersionsOf(issue: NewsletterIssue): Promise<IssueVersionRow[]> {
  const versions = await NewsletterIssueVersion.query()
    .where('issue_id', issue.id)
    .orderBy('id', 'desc')
    .select(
      'id',
      'subject',
      'preheader',
      'body_mjml',
      'saved_by',
      'saved_by_user_id',
      'autosave',
      'saved_at'
    )
  const userIds = [...new Set(versions.map((version) => version.savedByUserId).filter(Boolean))]
  const users = userIds.length
    ? await User.query()
        .whereIn('id', userIds as number[])
        .select('id', 'full_name')
    : []
  const names = new Map(users.map((user) => [user.id, user.fullName]))
  return versions
    .filter(
      (version) =>
        version.bodyMjml !== issue.bodyMjml ||
        version.subject !== issue.subject ||
        version.preheader !== issue.preheader
    )
    .map((version) => ({
      id: version.id,
      savedAt: version.savedAt,
      savedBy: (version.savedByUserId && names.get(version.savedByUserId)) || version.savedBy,
      autosave: version.autosave,
      subject: version.subject,
    }))
}
