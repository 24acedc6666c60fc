import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import UserToken from '#identity/models/user_token'
import { hashToken, isLinkToken } from '#shared/tokens'

/** The link's token row if it is unused, unexpired and its account active. */
export async function findUsableToken(token: string, client?: TransactionClientContract) {
  if (!isLinkToken(token)) return null
  const row = await UserToken.query({ client })
    .where('token_hash', hashToken(token))
    .preload('user')
    .first()
  if (!row || !row.isUsable() || !row.user.isActive) return null
  return row
}
