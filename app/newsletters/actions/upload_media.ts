import { readFile } from 'node:fs/promises'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import NewsletterMedia from '#newsletters/models/newsletter_media'
import { processImage, sha256Of, type ImageRefusal } from '#newsletters/media/image_pipeline'
import { newMediaKey, removeVariants, writeVariants } from '#newsletters/media/media_storage'
import { recordAuditEvent } from '#audit/actions/record_audit_event'
import { isUniqueViolation } from '#shared/database_constraints'
import type { Actor } from '#audit/actor'

export type UploadMediaInput = {
  /** The uploaded file on disk (the upload middleware removes it after the request). */
  path: string
  originalName: string
}

export type UploadMediaResult =
  | { status: 'uploaded'; media: NewsletterMedia }
  | { status: 'already_stored'; media: NewsletterMedia }
  | { status: 'refused'; reason: ImageRefusal }

/** A file's own name, without a path, control characters or more than the column holds. */
export function cleanFileName(name: string) {
  const base = name.split(/[\\/]/).pop() ?? ''
  const clean = base.replace(/[\p{Cc}\p{Cf}]/gu, '').trim()
  return clean.slice(0, 200) || 'billede'
}

/**
 * Adds an image to the media library: checked, turned upright, stripped and
 * resized, stored once however often it is uploaded.
 */
export class UploadMedia {
  async handle(input: UploadMediaInput, actor: Actor): Promise<UploadMediaResult> {
    const bytes = await readFile(input.path)
    const sha256 = sha256Of(bytes)
    const known = await NewsletterMedia.findBy('sha256', sha256)
    if (known) return { status: 'already_stored', media: known }

    const result = await processImage(bytes)
    if (result.status === 'refused') return result
    const { image } = result

    const key = newMediaKey()
    await writeVariants(key, image)
    try {
      const media = await db.transaction(async (trx) => {
        const row = await NewsletterMedia.create(
          {
            key,
            originalName: cleanFileName(input.originalName),
            mime: image.stored.mime,
            width: image.width,
            height: image.height,
            bytes: bytes.length,
            sha256,
            altText: null,
            createdBy: actor.label,
          },
          { client: trx }
        )
        await recordAuditEvent(trx, actor, {
          module: 'newsletters',
          action: 'media.uploaded',
          details: { name: row.originalName, format: image.source },
          subject: { type: 'newsletter_media', id: row.id },
        })
        return row
      })
      return { status: 'uploaded', media }
    } catch (error) {
      await removeVariants(key).catch((cause) => logger.warn({ err: cause }, 'media cleanup'))
      // The same image uploaded at the same moment by someone else: theirs is kept.
      if (isUniqueViolation(error)) {
        const winner = await NewsletterMedia.findBy('sha256', sha256)
        if (winner) return { status: 'already_stored', media: winner }
      }
      throw error
    }
  }
}
