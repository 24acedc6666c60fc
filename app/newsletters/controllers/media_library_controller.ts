import type { HttpContext } from '@adonisjs/core/http'
import NewsletterPolicy from '#newsletters/policies/newsletter_policy'
import { mediaAltTextValidator, mediaUploadValidator } from '#newsletters/validators/media'
import { UploadMedia } from '#newsletters/actions/upload_media'
import { DescribeMedia } from '#newsletters/actions/describe_media'
import { DeleteMedia } from '#newsletters/actions/delete_media'
import {
  listMedia,
  listUsableMedia,
  mediaPath,
  toUsableMedia,
} from '#newsletters/queries/media_library'
import { MEDIA_LIMITS } from '#newsletters/media/image_pipeline'
import { knownFilters } from '#shared/query_filters'
import { sameSiteReturnPath } from '#shared/return_path'
import { staffActor } from '#audit/request_actor'

/** The visual editor asks for JSON; the library page posts ordinary forms. */
function wantsJson({ request }: HttpContext) {
  return request.accepts(['html', 'json']) === 'json'
}

/** The newsletter's image library: upload, describe, find and remove images. */
export default class MediaLibraryController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('view')
    const filters = knownFilters(request.qs(), ['q', 'page'] as const)
    const page = Math.max(1, Number.parseInt(filters.page ?? '1', 10) || 1)
    const media = await listMedia({ search: filters.q }, page)
    media.baseUrl(request.url())
    media.queryString(filters.q ? { q: filters.q } : {})
    return view.render('newsletters/media', {
      pages: media,
      items: media.all().map((row) => ({
        row,
        src: mediaPath(row, 600),
        urls: toUsableMedia(row).urls,
      })),
      q: filters.q ?? '',
      maxMegapixels: MEDIA_LIMITS.maxPixels / 1_000_000,
    })
  }

  /** For the visual editor's picker: only images that may be used. */
  async search({ request, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('view')
    const { q } = knownFilters(request.qs(), ['q'] as const)
    return { media: await listUsableMedia({ search: q }) }
  }

  async store(ctx: HttpContext) {
    const { request, response, session, auth, bouncer, i18n } = ctx
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const { image } = await request.validateUsing(mediaUploadValidator)
    const result = await new UploadMedia().handle(
      { path: image.tmpPath!, originalName: image.clientName },
      staffActor({ auth, request })
    )
    const json = wantsJson(ctx)
    if (result.status === 'refused') {
      const message = i18n.t(`newsletters.media.refused.${result.reason}`, {
        megapixels: MEDIA_LIMITS.maxPixels / 1_000_000,
      })
      if (json) return response.unprocessableEntity({ errors: [{ field: 'image', message }] })
      session.flash('inputErrorsBag', { image: [message] })
      return response.redirect().toRoute('media_library.index')
    }
    const duplicate = result.status === 'already_stored'
    if (json) {
      response.status(duplicate ? 200 : 201)
      return { media: { ...toUsableMedia(result.media), usable: result.media.isUsable }, duplicate }
    }
    session.flash(
      'success',
      i18n.t(duplicate ? 'newsletters.media.already_stored' : 'newsletters.media.uploaded', {
        name: result.media.originalName,
      })
    )
    return response.redirect().toRoute('media_library.index')
  }

  async describe(ctx: HttpContext) {
    const { params, request, response, session, auth, bouncer, i18n } = ctx
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const { alt_text: altText } = await request.validateUsing(mediaAltTextValidator)
    const result = await new DescribeMedia().handle(
      { mediaId: Number(params.id), altText },
      staffActor({ auth, request })
    )
    if (result.status === 'not_found') return response.notFound()
    if (wantsJson(ctx)) return { media: { ...toUsableMedia(result.media), usable: true } }
    session.flash('success', i18n.t('newsletters.media.described'))
    return response.redirect().toPath(this.backToLibrary(ctx))
  }

  async destroy(ctx: HttpContext) {
    const { params, request, response, session, auth, bouncer, i18n } = ctx
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const result = await new DeleteMedia().handle(
      { mediaId: Number(params.id) },
      staffActor({ auth, request })
    )
    if (result.status === 'not_found') return response.notFound()
    if (result.status === 'in_use') {
      const subjects = result.issues.map((issue) => `“${issue.subject}”`).join(', ')
      session.flash('error', i18n.t('newsletters.media.in_use', { subjects }))
    } else {
      session.flash('success', i18n.t('newsletters.media.deleted'))
    }
    return response.redirect().toPath(this.backToLibrary(ctx))
  }

  /** Back to the page the form was on, with its search and page. */
  private backToLibrary({ request }: HttpContext) {
    const path = sameSiteReturnPath(request.header('referer'), '/newsletters/media')
    return path.startsWith('/newsletters/media') ? path : '/newsletters/media'
  }
}
