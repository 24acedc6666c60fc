import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import NewsletterMedia from '#newsletters/models/newsletter_media'
import { removeVariants } from '#newsletters/media/media_storage'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

export type DeleteMediaResult =
  | { status: 'deleted' }
  | { status: 'not_found' }
  | { status: 'in_use'; issues: { id: number; subject: string }[] }

/**
 * The issues whose MJML or sent HTML names the image. Sent mail cannot be
 * changed, so its images must stay; a draft or a scheduled issue would go
 * out with a broken image, so it counts too until the image is taken out.
 */
export async function issuesUsingMedia(key: string, client = db.connection()) {
  // The key is 32 hex characters: nothing in it is special to LIKE.
  const rows = await client
    .from('newsletter_issues')
    .where((match) =>
      match.where('body_mjml', 'like', `%${key}%`).orWhere('compiled_html', 'like', `%${key}%`)
    )
    .orderBy('id')
    .select('id', 'subject', 'status')
  return rows.map((row) => ({ id: Number(row.id), subject: String(row.subject) }))
}

/** Removes an image no issue uses: its row, then its files once the row is gone for good. */
export class DeleteMedia {
  async handle(input: { mediaId: number }, actor: Actor): Promise<DeleteMediaResult> {
    const result = await db.transaction(async (trx) => {
      const media = await NewsletterMedia.query({ client: trx })
        .where('id', input.mediaId)
        .forUpdate()
        .first()
      if (!media) return { status: 'not_found' as const }
      const issues = await issuesUsingMedia(media.key, trx)
      if (issues.length) return { status: 'in_use' as const, issues }
      await media.useTransaction(trx).delete()
      await recordAuditEvent(trx, actor, {
        module: 'newsletters',
        action: 'media.deleted',
        details: { name: media.originalName },
        subject: { type: 'newsletter_media', id: media.id },
      })
      return { status: 'deleted' as const, key: media.key }
    })
    if (result.status !== 'deleted') return result
    // After the commit: a rolled-back delete must not leave a row without files.
    await removeVariants(result.key).catch((error) =>
      logger.error({ err: error, key: result.key }, 'media files were not removed')
    )
    return { status: 'deleted' }
  }
}
