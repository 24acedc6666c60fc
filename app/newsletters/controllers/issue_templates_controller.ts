import type { HttpContext } from '@adonisjs/core/http'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import NewsletterTemplate from '#newsletters/models/newsletter_template'
import NewsletterPolicy from '#newsletters/policies/newsletter_policy'
import { startIssueValidator, templateValidator } from '#newsletters/validators/templates'
import { StartIssue } from '#newsletters/actions/start_issue'
import { DeleteTemplate, SaveIssueAsTemplate } from '#newsletters/actions/save_template'
import {
  BUILTIN_TEMPLATE_KEYS,
  type BuiltinTemplateKey,
} from '#newsletters/blocks/builtin_templates'
import { getAssociationSettings } from '#association/queries/get_association_settings'
import { staffActor } from '#audit/request_actor'

/** Starting an issue: blank, from a template, or from a copy of an earlier issue; and templates kept. */
export default class IssueTemplatesController {
  async choose({ view, bouncer }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    return view.render('newsletters/new_issue', {
      builtins: BUILTIN_TEMPLATE_KEYS,
      templates: await NewsletterTemplate.query().orderBy('name'),
      issues: await NewsletterIssue.query().orderBy('updated_at', 'desc').limit(20),
    })
  }

  async start({ request, response, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const { template } = await request.validateUsing(startIssueValidator)
    const settings = await getAssociationSettings()
    const saved = /^saved-(\d+)$/.exec(template)
    const builtin = saved ? null : (template as BuiltinTemplateKey)
    const result = await new StartIssue().handle(
      {
        from: saved ? { templateId: Number(saved[1]) } : { builtin: builtin! },
        subject: builtin
          ? i18n.t(`newsletters.templates.subjects.${builtin}`, { name: settings.name })
          : i18n.t('newsletters.templates.subjects.saved'),
      },
      staffActor({ auth, request }),
      settings
    )
    if (result.status === 'no_template') return response.notFound()
    return response
      .redirect()
      .toRoute('issues.edit', { id: result.issueId }, { qs: { editor: 'visual' } })
  }

  async store({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const input = await request.validateUsing(templateValidator)
    const template = await new SaveIssueAsTemplate().handle(
      { issueId: Number(params.id), name: input.name, description: input.description ?? null },
      staffActor({ auth, request })
    )
    session.flash('success', i18n.t('newsletters.templates.saved', { name: template.name }))
    return response.redirect().toRoute('issues.edit', { id: params.id })
  }

  async destroy({ params, request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.with(NewsletterPolicy).authorize('edit')
    const deleted = await new DeleteTemplate().handle(
      { templateId: Number(params.id) },
      staffActor({ auth, request })
    )
    if (deleted) session.flash('success', i18n.t('newsletters.templates.deleted'))
    return response.redirect().toRoute('issue_templates.choose')
  }
}
