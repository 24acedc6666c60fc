import type { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { daysBefore } from '#operations/retention/cutoffs'

/**
 * Staff links (invitations, password resets) once used or expired, and
 * member login links once expired, after the days the settings keep them
 * (0: the first night after). An unused member link stays valid until it expires.
 */
export async function deleteLoginLinks(
  trx: TransactionClientContract,
  now: DateTime,
  days: number
) {
  const before = daysBefore(now, days)
  const staffTokens = await trx
    .from('user_tokens')
    .where((query) => query.where('expires_at', '<=', before).orWhere('used_at', '<=', before))
    .delete()
  const memberTokens = await trx
    .from('member_login_tokens')
    .where('expires_at', '<=', before)
    .delete()
  return { staff_tokens: Number(staffTokens), member_tokens: Number(memberTokens) }
}
