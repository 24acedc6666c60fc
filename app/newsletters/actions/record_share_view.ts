import db from '@adonisjs/lucid/services/db'
import { sqlTimestamp } from '#shared/sql_time'

/** Someone opened a reader's share link: one row, written without a model, as views come in bursts. */
export class RecordShareView {
  async handle(copy: { id: number; issueId: number; subscriberId: number }) {
    await db.table('newsletter_share_events').insert({
      delivery_id: copy.id,
      issue_id: copy.issueId,
      sharer_id: copy.subscriberId,
      kind: 'view',
      created_at: sqlTimestamp(),
    })
  }
}
