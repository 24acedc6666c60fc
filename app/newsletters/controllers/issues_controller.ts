import type { HttpContext } from '@adonisjs/core/http'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterList from '#newsletters/models/newsletter_list'
import NewsletterPolicy from '#newsletters/policies/newsletter_policy'
import {
  editorViewValidator,
  issueValidator,
  splitAddresses,
  testSendValidator,
} from '#newsletters/validators/newsletters'
import { SendTestIssue } from '#newsletters/actions/send_test_issue'
import { SaveIssue, type IssueBody } from '#newsletters/actions/save_issue'
import { STARTER_BLOCKS } from '#newsletters/blocks/starter_blocks'
import { parseEditorBlocks } from '#newsletters/blocks/editor_blocks'
import { renderBlocks } from '#newsletters/blocks/render_blocks'
import { editorBlocksOf, versionOf } from '#newsletters/blocks/visual_edit'
import { describeSaveProblem } from '#newsletters/blocks/describe_problems'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { staffActor } from '#audit/request_actor'
import { composerPreviewValidator } from '#newsletters/validators/composer'
import { reviewForPreview, savedAnswer } from '#newsletters/controllers/composer_answers'
import { earlierVersionsOf } from '#newsletters/queries/issue_versions'
import { PRESENCE } from '#newsletters/actions/record_presence'

/** The composer: drafts in the visual or the code view, their live preview, copies of old issues. */
export default class IssuesController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('view')
    const issues = await NewsletterIssue.query().preload('lists').orderBy('updated_at', 'desc')
    return view.render('newsletters/issues', { issues })
  }

  async create({ view, bouncer, request, i18n }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const { editor } = await request.validateUsing(editorViewValidator, { data: request.qs() })
    const body = renderBlocks(STARTER_BLOCKS)
    return view.render('newsletters/issue_form', {
      issue: null,
      editor: editor ?? 'visual',
      body,
      blocks: STARTER_BLOCKS.map((block) => ({ ...block, origin: null, edited: true })),
      base: null,
      lists: await NewsletterList.query().orderBy('name'),
      chosen: [],
      preview: await reviewForPreview({ subject: null, preheader: null, bodyMjml: body }, i18n),
      versions: [],
      heartbeatSeconds: PRESENCE.heartbeatSeconds,
    })
  }

  async edit({ params, view, bouncer, request, i18n }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const { editor } = await request.validateUsing(editorViewValidator, { data: request.qs() })
    const issue = await NewsletterIssue.query()
      .where('id', params.id)
      .preload('lists')
      .firstOrFail()
    const blocks = editorBlocksOf(issue.bodyMjml)
    // An issue written in code opens in code; one with visual blocks in the visual view.
    const written = blocks.every((block) => block.type === 'raw') ? 'code' : 'visual'
    return view.render('newsletters/issue_form', {
      issue,
      editor: editor ?? written,
      body: issue.bodyMjml,
      blocks,
      base: versionOf(issue.bodyMjml),
      lists: await NewsletterList.query().orderBy('name'),
      chosen: issue.lists.map((list) => list.id),
      // The checks beside the preview are those of the saved draft, as sending will see it.
      preview: await reviewForPreview(issue, i18n),
      versions: issue.status === 'draft' ? await earlierVersionsOf(issue) : [],
      heartbeatSeconds: PRESENCE.heartbeatSeconds,
    })
  }

  async store(ctx: HttpContext) {
    return this.save(ctx, null)
  }

  async update(ctx: HttpContext) {
    return this.save(ctx, Number(ctx.params.id))
  }

  /** JSON for the live preview beside either view; the visual view also gets its MJML. */
  async preview({ request, bouncer, i18n }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const input = await request.validateUsing(composerPreviewValidator)
    const draft = { subject: input.subject ?? null, preheader: input.preheader ?? null }
    if (input.blocks === undefined) {
      return reviewForPreview({ ...draft, bodyMjml: input.body_mjml ?? '' }, i18n)
    }
    const parsed = parseEditorBlocks(input.blocks)
    if ('problem' in parsed) {
      return {
        problems: [],
        checks: [],
        html: null,
        mjml: null,
        blockProblem: describeSaveProblem(
          { status: 'blocks_refused', problem: parsed.problem },
          i18n
        ),
      }
    }
    const mjml = renderBlocks(parsed.blocks)
    return {
      ...(await reviewForPreview({ ...draft, bodyMjml: mjml }, i18n)),
      mjml,
      blockProblem: null,
    }
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
        body: { kind: 'code', mjml: original.bodyMjml },
        base: null,
        listIds: original.lists.map((list) => list.id),
      },
      staffActor({ auth, request }),
      await getAssociationSettings()
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
      staffActor({ auth, request })
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

  protected async save(ctx: HttpContext, issueId: number | null) {
    const { request, response, session, auth, bouncer, i18n } = ctx
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const input = await request.validateUsing(issueValidator)
    const editor = input.editor ?? 'code'
    // The page's own saves ask for JSON; the button's save is a plain form post.
    const autosave = request.accepts(['html', 'json']) === 'json'
    let body: IssueBody = { kind: 'code', mjml: input.body_mjml ?? '' }
    if (editor === 'visual') {
      const parsed = parseEditorBlocks(input.blocks ?? '')
      if ('problem' in parsed) {
        return this.refuse(
          ctx,
          { issueId, editor },
          describeSaveProblem({ status: 'blocks_refused', problem: parsed.problem }, i18n)
        )
      }
      body = { kind: 'visual', blocks: parsed.blocks }
    }
    const result = await new SaveIssue().handle(
      issueId,
      {
        subject: input.subject,
        preheader: input.preheader ?? null,
        body,
        base: input.base ?? null,
        listIds: input.lists ?? [],
        autosave,
      },
      staffActor({ auth, request }),
      await getAssociationSettings()
    )
    if (autosave) {
      if (result.status === 'saved') return savedAnswer(result.issue, editor, i18n)
      const message =
        result.status === 'not_a_draft'
          ? i18n.t('newsletters.issues.not_a_draft')
          : describeSaveProblem(result, i18n)
      // 409: the issue moved on (someone saved, or it is being sent); 422: what was sent is refused.
      const conflict = result.status === 'stale' || result.status === 'not_a_draft'
      return response.status(conflict ? 409 : 422).json({ status: result.status, message })
    }
    if (result.status === 'not_a_draft') {
      session.flash('error', i18n.t('newsletters.issues.not_a_draft'))
      return response.redirect().toPath('/newsletters/issues')
    }
    if (result.status !== 'saved') {
      // A save over someone else's starts again from their version; anything else keeps what was typed.
      const keepInput = result.status !== 'stale'
      return this.refuse(ctx, { issueId, editor }, describeSaveProblem(result, i18n), keepInput)
    }
    session.flash('success', i18n.t('newsletters.issues.saved'))
    return response.redirect().toRoute('issues.edit', { id: result.issue.id }, { qs: { editor } })
  }

  /**
   * Nothing was saved: the form comes back with what was typed and why, in
   * the view it was sent from (an issue written in code opens in code, so
   * blocks refused in the visual view would otherwise come back unseen).
   */
  private refuse(
    ctx: HttpContext,
    { issueId, editor }: { issueId: number | null; editor: 'visual' | 'code' },
    message: string,
    keepInput = true
  ) {
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.unprocessableEntity({ status: 'blocks_refused', message })
    }
    const { session, response } = ctx
    session.flash('error', message)
    if (keepInput) session.flashAll()
    return issueId
      ? response.redirect().toRoute('issues.edit', { id: issueId }, { qs: { editor } })
      : response.redirect().toRoute('issues.create', {}, { qs: { editor } })
  }
}
