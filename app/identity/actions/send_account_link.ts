import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import User from '#identity/models/user'
import UserToken, { type UserTokenPurpose } from '#identity/models/user_token'
import AccountLinkMail from '#identity/mails/account_link_mail'
import { LINK_LIFETIME_MINUTES } from '#identity/account_links'
import { generateToken, hashToken } from '#shared/tokens'

export type SendAccountLinkResult = { status: 'sent' } | { status: 'user_unavailable' }

/**
 * Makes a fresh single-use link (earlier unused ones of the same kind stop
 * working) and mails it. Runs in a job: the plain token exists only here and
 * in the mail, never in the queue or the database.
 */
export class SendAccountLink {
  async handle(input: {
    userId: number
    purpose: UserTokenPurpose
  }): Promise<SendAccountLinkResult> {
    const user = await User.find(input.userId)
    if (!user || !user.isActive) return { status: 'user_unavailable' }

    const token = generateToken()
    await db.transaction(async (trx) => {
      const earlier = await UserToken.query({ client: trx })
        .where('user_id', user.id)
        .where('purpose', input.purpose)
        .whereNull('used_at')
      for (const link of earlier) {
        link.usedAt = DateTime.now()
        await link.useTransaction(trx).save()
      }
      await UserToken.create(
        {
          userId: user.id,
          purpose: input.purpose,
          tokenHash: hashToken(token),
          expiresAt: DateTime.now().plus({ minutes: LINK_LIFETIME_MINUTES[input.purpose] }),
        },
        { client: trx }
      )
    })

    await mail.send(new AccountLinkMail(user, input.purpose, token))
    return { status: 'sent' }
  }
}
