import mail from '@adonisjs/mail/services/main'
import i18nManager from '@adonisjs/i18n/services/main'
import db from '@adonisjs/lucid/services/db'
import Minutes from '#assemblies/models/minutes'
import Assembly from '#assemblies/models/assembly'
import type { SignatureRole } from '#assemblies/models/minutes_signature'
import { generateToken, hashToken, isLinkToken } from '#shared/tokens'
import { sqlTimestamp } from '#shared/sql_time'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'
import { absoluteUrlFor } from '#shared/absolute_url'
import { supportsRowLocks } from '#shared/row_locks'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * A dirigent or referent without a login signs from a personal link sent to
 * the address the minutes give for them. Only the hash of the token is kept,
 * with the address, so a link sent to someone who no longer holds the role
 * signs nothing. The minutes page passes how many links it saw sent for the
 * version: links sent since (a second click, the back button) are not sent again.
 */
export class SendSigningLinks {
  async handle(minutesId: number, actor: Actor, seenLinks?: number) {
    const minutes = await Minutes.query().where('id', minutesId).preload('signatures').firstOrFail()
    if (minutes.status !== 'draft') return { status: 'no_draft' as const, sent: 0 }
    const assembly = await Assembly.findOrFail(minutes.assemblyId)
    const signers = pendingSigners(minutes, assembly)
    const tokens = await db.transaction(async (trx) => {
      // Under the minutes' row lock, so of two sends confirmed on the same page one goes.
      const locked = trx.from('minutes').where('id', minutes.id)
      if (supportsRowLocks(trx)) locked.forUpdate()
      await locked.first()
      if (seenLinks !== undefined && (await countSigningLinks(minutes.id, trx)) !== seenLinks) {
        return null
      }
      const made: string[] = []
      for (const { role, email } of signers) {
        const token = generateToken()
        await trx.table('minutes_sign_links').insert({
          minutes_id: minutes.id,
          role,
          email,
          token_hash: hashToken(token),
          created_at: sqlTimestamp(),
        })
        made.push(token)
      }
      return made
    })
    if (tokens === null) return { status: 'sent_meanwhile' as const, sent: 0 }
    const i18n = i18nManager.locale('da')
    let sent = 0
    for (const [index, { role, email, name }] of signers.entries()) {
      const token = tokens[index]
      const url = absoluteUrlFor('minutes.show_signing', { token })
      await mail.send((message) => {
        message
          .to(email, name)
          .subject(i18n.t('assemblies.mail.sign.subject', { title: assembly.title }))
          .text(
            i18n.t('assemblies.mail.sign.body', {
              name,
              role: i18n.t(`assemblies.minutes.roles.${role}`),
              title: assembly.title,
              url,
            })
          )
      })
      sent++
    }
    await db.transaction((trx) =>
      recordAuditEvent(trx, actor, {
        module: 'assemblies',
        action: 'minutes.links_sent',
        details: { assembly: assembly.title, count: sent },
        subject: { type: 'assembly', id: assembly.id },
      })
    )
    return { status: 'sent' as const, sent }
  }
}

/**
 * The version, role and address behind a signing link. The link signs only
 * that version, and only while the address it was sent to holds the role.
 */
export async function findSigningLink(token: string) {
  if (!isLinkToken(token)) return null
  const row = await db.from('minutes_sign_links').where('token_hash', hashToken(token)).first()
  if (!row) return null
  const minutes = await Minutes.query().where('id', row.minutes_id).preload('signatures').first()
  if (!minutes) return null
  return { minutes, role: row.role as SignatureRole, email: (row.email as string | null) ?? null }
}

/** Who a send of signing links reaches: each role not yet signed whose holder has a name and an address. */
export function pendingSigners(minutes: Minutes, assembly: Assembly) {
  return (['dirigent', 'referent'] as SignatureRole[]).flatMap((role) => {
    const email = role === 'dirigent' ? assembly.dirigentEmail : assembly.referentEmail
    const name = role === 'dirigent' ? assembly.dirigentName : assembly.referentName
    const signed = minutes.signatures.some((signature) => signature.role === role)
    return email && name && !signed ? [{ role, email, name }] : []
  })
}

/** How many signing links have been sent for a version of the minutes. */
export async function countSigningLinks(
  minutesId: number,
  client: QueryClientContract = db.connection()
) {
  const row = await client
    .from('minutes_sign_links')
    .where('minutes_id', minutesId)
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}
