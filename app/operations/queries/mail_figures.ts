import db from '@adonisjs/lucid/services/db'

export type MailFigures = {
  /** Newsletter messages by delivery status (queued, sent, failed, …). */
  deliveries: { status: string; total: number }[]
  /** Bounces and complaints reported back by the mail service, by type. */
  events: { type: string; total: number }[]
}

/** Counters a monitoring system turns into rates: messages sent and failed, bounces, complaints. */
export async function getMailFigures(): Promise<MailFigures> {
  const [deliveries, events] = await Promise.all([
    db.from('newsletter_deliveries').select('status').count('* as total').groupBy('status'),
    db.from('mail_events').select('type').count('* as total').groupBy('type'),
  ])
  return {
    deliveries: deliveries.map((row) => ({ status: String(row.status), total: Number(row.total) })),
    events: events.map((row) => ({ type: String(row.type), total: Number(row.total) })),
  }
}
