import type { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { monthsBefore } from '#operations/retention/cutoffs'

/**
 * IP addresses older than the months, wherever Kreds keeps one, and the
 * browser recorded beside them: the log of changes, a subscription's request
 * (the rest of the consent record stays: text, source, times, evidence) and
 * a dues run's confirmation. An unconfirmed request whose link expired that
 * long ago can never be confirmed; it goes whole, with the address inside it.
 */
export async function blankIpAddresses(
  trx: TransactionClientContract,
  now: DateTime,
  months: number
) {
  const before = monthsBefore(now, months)
  const updates = [
    () =>
      trx
        .from('audit_events')
        .where((kept) => kept.whereNotNull('ip').orWhereNotNull('user_agent'))
        .where('created_at', '<', before)
        .update({ ip: null, user_agent: null }),
    () =>
      trx
        .from('subscriptions')
        .whereNotNull('request_ip')
        .where('requested_at', '<', before)
        .update({ request_ip: null }),
    () =>
      trx
        .from('subscriptions')
        .whereNotNull('pending_request')
        .where('confirm_expires_at', '<', before)
        .update({ pending_request: null, confirm_token_hash: null }),
    () =>
      trx
        .from('dues_runs')
        .where((kept) => kept.whereNotNull('actor_ip').orWhereNotNull('actor_user_agent'))
        .where('created_at', '<', before)
        .update({ actor_ip: null, actor_user_agent: null }),
  ]
  let blanked = 0
  for (const update of updates) blanked += Number(await update())
  return blanked
}
