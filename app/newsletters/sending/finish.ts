import db from '@adonisjs/lucid/services/db'
import { sqlTimestamp } from '#shared/sql_time'

/** The last batch to finish marks the issue sent; the conditions make that happen once. */
export async function finishIfDone(issueId: number) {
  await db
    .from('newsletter_issues')
    .where('id', issueId)
    .where('status', 'sending')
    .whereNotExists((query) =>
      query
        .from('newsletter_deliveries')
        .where('newsletter_deliveries.issue_id', issueId)
        .whereIn('newsletter_deliveries.status', ['queued', 'sending'])
    )
    .update({ status: 'sent', sent_at: sqlTimestamp(), updated_at: sqlTimestamp() })
}
