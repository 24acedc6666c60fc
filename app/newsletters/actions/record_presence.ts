import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { sqlTimestamp } from '#shared/sql_time'

/**
 * How presence is kept: the composer sends a heartbeat every `heartbeatSeconds`;
 * someone missing two is taken to have left (a closed laptop sends no goodbye).
 */
export const PRESENCE = { heartbeatSeconds: 30, goneAfterSeconds: 75 }

/**
 * Notes that a person has an issue open now, or that they left it. Not an
 * audit event: it changes nothing, it only lets two editors know of each other.
 * `opened_at` survives heartbeats, so the warning can say since when.
 */
export async function recordPresence(
  issueId: number,
  userId: number,
  leaving = false,
  now = DateTime.now()
) {
  const where = { issue_id: issueId, user_id: userId }
  if (leaving) {
    await db.from('newsletter_issue_presence').where(where).delete()
    return
  }
  const gone = sqlTimestamp(now.minus({ seconds: PRESENCE.goneAfterSeconds }))
  await db
    .transaction(async (trx) => {
      // Rows of people long gone, on this issue, are cleared as the issue is used.
      await trx
        .from('newsletter_issue_presence')
        .where('issue_id', issueId)
        .where('seen_at', '<', gone)
        .delete()
      const updated = await trx
        .from('newsletter_issue_presence')
        .where(where)
        .update({ seen_at: sqlTimestamp(now) })
      if (Number(updated) > 0) return
      await trx.table('newsletter_issue_presence').insert({
        ...where,
        opened_at: sqlTimestamp(now),
        seen_at: sqlTimestamp(now),
      })
    })
    .catch(async (error) => {
      // Two tabs of one person beat at once and both insert: the row exists, which is all we need.
      const exists = await db.from('newsletter_issue_presence').where(where).first()
      if (!exists) throw error
    })
}
