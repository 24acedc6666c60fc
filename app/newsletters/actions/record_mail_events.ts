import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { Actors } from '#audit/actor'
import { normaliseEmail } from '#newsletters/subscriber_records'
import type { MailEventReport } from '#newsletters/bounces/mail_event_report'
import { sqlTimestamp } from '#shared/sql_time'

/** Soft bounces within SOFT_WINDOW_DAYS that suppress an address. */
export const SOFT_BOUNCE_LIMIT = 3
export const SOFT_WINDOW_DAYS = 30

export type RecordedMailEvent = {
  type: MailEventReport['type']
  subscriberId: number | null
  suppressed: boolean
}

/**
 * Records what mail servers reported after sending. A hard bounce or a
 * complaint suppresses the address at once; soft bounces do when there
 * are three within thirty days. All reports of one post are kept or none.
 */
export class RecordMailEvents {
  async handle(reports: MailEventReport[]): Promise<RecordedMailEvent[]> {
    return db.transaction(async (trx) => {
      const recorded: RecordedMailEvent[] = []
      for (const report of reports) recorded.push(await recordOne(trx, report))
      return recorded
    })
  }
}

async function recordOne(trx: TransactionClientContract, report: MailEventReport) {
  const delivery = report.deliveryId
    ? await trx
        .from('newsletter_deliveries')
        .where('id', report.deliveryId)
        .select('id', 'issue_id', 'subscriber_id')
        .first()
    : null
  const subscriber = delivery
    ? await trx.from('subscribers').where('id', delivery.subscriber_id).first()
    : await trx.from('subscribers').where('email', normaliseEmail(report.email)).first()
  const now = DateTime.now()
  await trx.table('mail_events').insert({
    type: report.type,
    email: report.email,
    subscriber_id: subscriber?.id ?? null,
    delivery_id: delivery?.id ?? null,
    issue_id: delivery?.issue_id ?? null,
    source: report.source,
    detail: report.detail,
    created_at: sqlTimestamp(now),
  })
  if (!subscriber) return { type: report.type, subscriberId: null, suppressed: false }

  const reason = await suppressionFor(trx, report, Number(subscriber.id), now)
  let suppressed = false
  if (reason && !subscriber.suppressed_reason) {
    await trx
      .from('subscribers')
      .where('id', subscriber.id)
      .whereNull('suppressed_reason')
      .update({ suppressed_reason: reason, suppressed_at: sqlTimestamp(now) })
    suppressed = true
  }
  await recordAuditEvent(trx, Actors.system('mail server'), {
    module: 'newsletters',
    action: suppressed ? 'subscriber.suppressed' : `mail_event.${report.type}`,
    details: {
      email: report.email,
      event: report.type,
      ...(suppressed ? { reason: reason! } : {}),
      ...(report.detail ? { detail: report.detail } : {}),
    },
    subject: { type: 'subscriber', id: Number(subscriber.id) },
  })
  return { type: report.type, subscriberId: Number(subscriber.id), suppressed }
}

async function suppressionFor(
  trx: TransactionClientContract,
  report: MailEventReport,
  subscriberId: number,
  now: DateTime
) {
  if (report.type === 'complaint') return 'complained'
  if (report.type === 'hard') return 'bounced'
  const row = await trx
    .from('mail_events')
    .where('subscriber_id', subscriberId)
    .where('type', 'soft')
    .where('created_at', '>=', sqlTimestamp(now.minus({ days: SOFT_WINDOW_DAYS })))
    .count('* as total')
    .first()
  return Number(row?.total ?? 0) >= SOFT_BOUNCE_LIMIT ? 'bounced' : null
}
