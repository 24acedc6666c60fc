import db from '@adonisjs/lucid/services/db'
import { countRecipients, recipientFingerprint } from '#newsletters/sending/recipients'
import { LARGE_SEND } from '#newsletters/actions/start_issue_send'

/**
 * The fields the send page's confirmation posts, for the readers the issue
 * has now: tests that send post what a secretary who confirmed would post.
 */
export async function confirmedSend(
  issueId: number,
  choice: Record<string, string | number> = { when: 'now' }
) {
  const recipients = await countRecipients(issueId)
  return {
    ...choice,
    fingerprint: await recipientFingerprint(db.connection(), issueId),
    recipients,
    ...(recipients >= LARGE_SEND ? { confirm_large: '1' } : {}),
  }
}
