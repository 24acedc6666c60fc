import type { HttpContext } from '@adonisjs/core/http'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterList from '#newsletters/models/newsletter_list'
import NewsletterPolicy from '#newsletters/policies/newsletter_policy'
import {
  issueValidator,
  previewValidator,
  splitAddresses,
  testSendValidator,
} from '#newsletters/validators/newsletters'
import { SendTestIssue } from '#newsletters/actions/send_test_issue'
import { SaveIssue } from '#newsletters/actions/save_issue'
import { compileIssue } from '#newsletters/actions/compile_issue'
import { previewCopy, STARTER_SECTIONS } from '#newsletters/compose/sample_reader'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { Actors } from '#audit/actor'

async function compileForPreview(body: string, preheader: string | null) {
  const result = await compileIssue(body, await getAssociationSettings(), preheader)
  return { problems: result.problems, html: result.html ? previewCopy(result.html) : null }
}

/** The composer: drafts, their live preview, and copies of old issues. */
export default class IssuesController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('view')
    const issues = await NewsletterIssue.query().preload('lists').orderBy('updated_at', 'desc')
    return view.render('newsletters/issues', { issues })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    return view.render('newsletters/issue_form', {
      issue: null,
      body: STARTER_SECTIONS,
      lists: await NewsletterList.query().orderBy('name'),
      chosen: [],
      preview: await compileForPreview(STARTER_SECTIONS, null),
    })
  }

  async edit({ params, view, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const issue = await NewsletterIssue.query()
      .where('id', params.id)
      .preload('lists')
      .firstOrFail()
    return view.render('newsletters/issue_form', {
      issue,
      body: issue.bodyMjml,
      lists: await NewsletterList.query().orderBy('name'),
      chosen: issue.lists.map((list) => list.id),
      preview: await compileForPreview(issue.bodyMjml, issue.preheader),
    })
  }

  async store(ctx: HttpContext) {
    return this.save(ctx, null)
  }

  async update(ctx: HttpContext) {
    return this.save(ctx, Number(ctx.params.id))
  }

  /** JSON for the live preview beside the editor. */
  async preview({ request, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const input = await request.validateUsing(previewValidator)
    return compileForPreview(input.body_mjml, input.preheader ?? null)
  }

  async duplicate({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const original = await NewsletterIssue.query()
      .where('id', params.id)
      .preload('lists')
      .firstOrFail()
    const result = await new SaveIssue().handle(
      null,
      {
        subject: i18n.t('newsletters.issues.copy_of', { subject: original.subject }),
        preheader: original.preheader,
        bodyMjml: original.bodyMjml,
        listIds: original.lists.map((list) => list.id),
      },
      Actors.user(auth.use('web').getUserOrFail(), request.ip())
    )
    if (result.status !== 'saved') return response.badRequest()
    session.flash('success', i18n.t('newsletters.issues.duplicated'))
    return response.redirect().toRoute('issues.edit', { id: result.issue.id })
  }

  async sendTest({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const { addresses } = await request.validateUsing(testSendValidator)
    const result = await new SendTestIssue().handle(
      { issueId: Number(params.id), addresses: splitAddresses(addresses) },
      Actors.user(auth.use('web').getUserOrFail(), request.ip())
    )
    if (result.status === 'has_problems') {
      session.flash(
        'error',
        i18n.t('newsletters.issues.test_has_problems', { count: result.problems })
      )
    } else {
      session.flash('success', i18n.t('newsletters.issues.test_sent', { count: result.count }))
      if (result.skipped.length) {
        session.flash(
          'error',
          i18n.t('newsletters.issues.test_skipped', { addresses: result.skipped.join(', ') })
        )
      }
    }
    return response.redirect().toRoute('issues.edit', { id: params.id })
  }

  protected async save(
    { request, response, session, auth, bouncer, i18n }: HttpContext,
    issueId: number | null
  ) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const input = await request.validateUsing(issueValidator)
    const result = await new SaveIssue().handle(
      issueId,
      {
        subject: input.subject,
        preheader: input.preheader ?? null,
        bodyMjml: input.body_mjml,
        listIds: input.lists ?? [],
      },
      Actors.user(auth.use('web').getUserOrFail(), request.ip())
    )
    if (result.status === 'not_a_draft') {
      session.flash('error', i18n.t('newsletters.issues.not_a_draft'))
      return response.redirect().toPath('/newsletters/issues')
    }
    session.flash('success', i18n.t('newsletters.issues.saved'))
    return response.redirect().toRoute('issues.edit', { id: result.issue.id })
  }
}
