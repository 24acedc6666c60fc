import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { PRESENCE } from '#newsletters/actions/record_presence'
import { sqlTimestamp } from '#shared/sql_time'

export type OtherEditor = { name: string; openedAt: DateTime }

/** Everyone else who has the issue open in the composer now, longest open first. */
export async function otherEditorsOf(issueId: number, userId: number, now = DateTime.now()) {
  const rows = await db
    .from('newsletter_issue_presence')
    .join('users', 'users.id', 'newsletter_issue_presence.user_id')
    .where('newsletter_issue_presence.issue_id', issueId)
    .whereNot('newsletter_issue_presence.user_id', userId)
    .where(
      'newsletter_issue_presence.seen_at',
      '>=',
      sqlTimestamp(now.minus({ seconds: PRESENCE.goneAfterSeconds }))
    )
    .orderBy('newsletter_issue_presence.opened_at')
    .select('users.full_name', 'newsletter_issue_presence.opened_at')
  return rows.map((row): OtherEditor => ({
    name: row.full_name,
    openedAt: readTimestamp(row.opened_at),
  }))
}

/** A timestamp column as the drivers return it: a Date (MySQL) or the text written (SQLite). */
export function readTimestamp(value: Date | string) {
  return value instanceof Date ? DateTime.fromJSDate(value) : DateTime.fromSQL(String(value))
}
