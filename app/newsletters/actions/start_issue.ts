import NewsletterTemplate from '#newsletters/models/newsletter_template'
import { BUILTIN_TEMPLATES, type BuiltinTemplateKey } from '#newsletters/blocks/builtin_templates'
import { renderBlocks } from '#newsletters/blocks/render_blocks'
import { SaveIssue } from '#newsletters/actions/save_issue'
import type { HouseStyle } from '#newsletters/compose/house_template'
import type { Actor } from '#audit/actor'

export type StartFrom = { builtin: BuiltinTemplateKey } | { templateId: number }

export type StartIssueResult = { status: 'started'; issueId: number } | { status: 'no_template' }

/**
 * A new draft from a template: its sections copied in, so the editor opens
 * an issue of its own (a saved template's locked parts stay locked, and the
 * template itself never changes).
 */
export class StartIssue {
  async handle(
    input: { from: StartFrom; subject: string },
    actor: Actor,
    style: HouseStyle
  ): Promise<StartIssueResult> {
    let mjml: string
    if ('builtin' in input.from) {
      const key = input.from.builtin
      mjml = renderBlocks(BUILTIN_TEMPLATES.find((entry) => entry.key === key)!.blocks(style))
    } else {
      const template = await NewsletterTemplate.find(input.from.templateId)
      if (!template) return { status: 'no_template' }
      mjml = template.bodyMjml
    }
    const result = await new SaveIssue().handle(
      null,
      {
        subject: input.subject,
        preheader: null,
        body: { kind: 'code', mjml },
        base: null,
        listIds: [],
      },
      actor,
      style
    )
    if (result.status !== 'saved')
      throw new Error(`A new draft could not be saved: ${result.status}`)
    return { status: 'started', issueId: result.issue.id }
  }
}
