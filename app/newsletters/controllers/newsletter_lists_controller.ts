import type { HttpContext } from '@adonisjs/core/http'
import NewsletterList from '#newsletters/models/newsletter_list'
import NewsletterPolicy from '#newsletters/policies/newsletter_policy'
import { listValidator } from '#newsletters/validators/newsletters'
import { SaveNewsletterList } from '#newsletters/actions/save_newsletter_list'
import { listOverview } from '#newsletters/queries/list_overview'
import { staffActor } from '#audit/request_actor'
import { absoluteUrlFor } from '#shared/absolute_url'

export default class NewsletterListsController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('view')
    return view.render('newsletters/lists', { overview: await listOverview() })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    return view.render('newsletters/list_form', { list: null, consent: null })
  }

  async edit({ params, view, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const list = await NewsletterList.query()
      .where('id', params.id)
      .preload('consentTexts', (texts) => texts.orderBy('version', 'desc'))
      .firstOrFail()
    const formUrl = absoluteUrlFor('subscribe.show_embedded', { slug: list.slug })
    return view.render('newsletters/list_form', {
      list,
      consent: list.consentTexts[0] ?? null,
      embedCode: `<iframe src="${formUrl}" title="${list.name.replace(/"/g, '&quot;')}" style="border:0;width:100%;max-width:480px;height:440px"></iframe>`,
    })
  }

  async store(ctx: HttpContext) {
    return this.save(ctx, null)
  }

  async update(ctx: HttpContext) {
    return this.save(ctx, Number(ctx.params.id))
  }

  protected async save(
    { request, response, session, auth, bouncer, i18n }: HttpContext,
    listId: number | null
  ) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const input = await request.validateUsing(listValidator)
    const result = await new SaveNewsletterList().handle(
      listId,
      {
        name: input.name,
        slug: input.slug,
        description: input.description ?? null,
        isPublic: input.is_public ?? false,
        archivePublic: input.archive_public ?? false,
        forMembers: input.for_members ?? false,
        consentText: input.consent_text,
      },
      staffActor({ auth, request })
    )
    if (result.status === 'slug_taken') {
      session.flashAll()
      session.flash('inputErrorsBag', { slug: [i18n.t('newsletters.lists.slug_taken')] })
      return response.redirect().back()
    }
    session.flash('success', i18n.t('newsletters.lists.saved', { name: result.list.name }))
    return response.redirect().toPath('/newsletters')
  }
}
