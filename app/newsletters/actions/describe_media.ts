import db from '@adonisjs/lucid/services/db'
import NewsletterMedia from '#newsletters/models/newsletter_media'
import { diffFields, recordAuditEvent } from '#audit/actions/record_audit_event'
import type { Actor } from '#audit/actor'

export type DescribeMediaResult =
  { status: 'described'; media: NewsletterMedia } | { status: 'not_found' }

/** Sets the text a screen reader reads for the image; without it the image cannot be used. */
export class DescribeMedia {
  async handle(
    input: { mediaId: number; altText: string },
    actor: Actor
  ): Promise<DescribeMediaResult> {
    return db.transaction(async (trx) => {
      const media = await NewsletterMedia.query({ client: trx })
        .where('id', input.mediaId)
        .forUpdate()
        .first()
      if (!media) return { status: 'not_found' as const }
      const changes = diffFields({ altText: media.altText }, { altText: input.altText })
      if (!changes) return { status: 'described' as const, media }
      media.altText = input.altText
      await media.useTransaction(trx).save()
      await recordAuditEvent(trx, actor, {
        module: 'newsletters',
        action: 'media.alt_text_changed',
        details: { name: media.originalName },
        subject: { type: 'newsletter_media', id: media.id },
        changes,
      })
      return { status: 'described' as const, media }
    })
  }
}
