import NewsletterMedia from '#newsletters/models/newsletter_media'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import { MEDIA_WIDTHS, type MediaWidth } from '#newsletters/media/image_pipeline'
import { variantFileName } from '#newsletters/media/media_storage'
import { absoluteUrlFor } from '#shared/absolute_url'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { orWhereSearch } from '#shared/search_text'

/** An image as the composer and the editor use it: described, with absolute addresses. */
export type UsableMedia = {
  id: number
  key: string
  name: string
  altText: string
  mime: string
  width: number
  height: number
  /** Absolute, so they work in a mail read anywhere: { 600: url, 1200: url }. */
  urls: Record<MediaWidth, string>
  /** Each variant's real size: a small original is never enlarged. */
  sizes: Record<MediaWidth, { width: number; height: number }>
}

export type MediaSearch = { search?: string | null }

const PAGE_SIZE = 48
const USABLE_LIMIT = 200

function extOf(mime: string) {
  return mime === 'image/png' ? 'png' : 'jpg'
}

/** The public, absolute address of one stored width. */
export function mediaUrl(media: Pick<NewsletterMedia, 'key' | 'mime'>, width: MediaWidth) {
  return absoluteUrlFor('media_files.show', {
    key: media.key,
    file: variantFileName(width, extOf(media.mime)),
  })
}

/** The same address as a path, for the library's own pages (the page's origin, its CSP). */
export function mediaPath(media: Pick<NewsletterMedia, 'key' | 'mime'>, width: MediaWidth) {
  const build = urlFor as unknown as (name: string, params: object) => string
  return build('media_files.show', {
    key: media.key,
    file: variantFileName(width, extOf(media.mime)),
  })
}

export function variantSize(media: Pick<NewsletterMedia, 'width' | 'height'>, width: number) {
  if (media.width <= width) return { width: media.width, height: media.height }
  return { width, height: Math.max(1, Math.round((media.height * width) / media.width)) }
}

function searched(
  query: ModelQueryBuilderContract<typeof NewsletterMedia>,
  search?: string | null
) {
  const text = search?.trim().slice(0, 200)
  if (!text) return query
  // Case, accents and æøå ignored (see #shared/search_text).
  return query.where((match) => orWhereSearch(match, 'newsletter_media.search_text', text))
}

export function toUsableMedia(media: NewsletterMedia): UsableMedia {
  const urls = {} as Record<MediaWidth, string>
  const sizes = {} as Record<MediaWidth, { width: number; height: number }>
  for (const width of MEDIA_WIDTHS) {
    urls[width] = mediaUrl(media, width)
    sizes[width] = variantSize(media, width)
  }
  return {
    id: media.id,
    key: media.key,
    name: media.originalName,
    altText: media.altText ?? '',
    mime: media.mime,
    width: media.width,
    height: media.height,
    urls,
    sizes,
  }
}

/** The library page: every image, newest first, by name or alt text. */
export async function listMedia({ search }: MediaSearch, page = 1) {
  return searched(NewsletterMedia.query(), search)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .paginate(page, PAGE_SIZE)
}

/**
 * What the composer and the visual editor may put into an issue: only
 * images with alt text, newest first, with their absolute URLs.
 */
export async function listUsableMedia({ search }: MediaSearch = {}): Promise<UsableMedia[]> {
  const rows = await searched(NewsletterMedia.query(), search)
    .whereNotNull('alt_text')
    .whereNot('alt_text', '')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(USABLE_LIMIT)
  return rows.map(toUsableMedia)
}
