import db from '@adonisjs/lucid/services/db'
import NewsletterIssue from '#newsletters/models/newsletter_issue'
import type { EditorBlock } from '#newsletters/blocks/block_types'
import { applyVisualEdit, versionOf, type VisualEditProblem } from '#newsletters/blocks/visual_edit'
import { compileIssue } from '#newsletters/actions/compile_issue'
import type { MjmlProblem } from '#newsletters/mjml/check_mjml'
import type { HouseStyle } from '#newsletters/compose/house_template'
import type { Actor } from '#audit/actor'
import { diffFields, recordAuditEvent } from '#audit/actions/record_audit_event'
import { supportsRowLocks } from '#shared/row_locks'
import { recordIssueVersion } from '#newsletters/actions/record_issue_version'

/** What the composer sends: MJML from the code view, or the visual view's blocks. */
export type IssueBody = { kind: 'code'; mjml: string } | { kind: 'visual'; blocks: EditorBlock[] }

export type IssueInput = {
  subject: string
  preheader: string | null
  body: IssueBody
  /** The version of the sections the editor opened (versionOf); null for a new issue or a copy. */
  base: string | null
  listIds: number[]
  /** Saved by the page on its own: folds into the person's version of the last minute. */
  autosave?: boolean
}

export type SaveIssueResult =
  | { status: 'saved'; issue: NewsletterIssue }
  | { status: 'not_a_draft' }
  /** Someone saved the issue after this editor opened it: nothing was overwritten. */
  | { status: 'stale' }
  | { status: 'visual_refused'; problem: VisualEditProblem }
  /** The visual edit would break an issue that compiled before. */
  | { status: 'would_not_compile'; problems: MjmlProblem[] }

/**
 * Saves a draft. A draft written in code may still have problems (sending
 * refuses it until it has none); a visual edit may not make an issue that
 * compiled stop compiling, nor change anything the person did not touch.
 */
export class SaveIssue {
  async handle(
    issueId: number | null,
    input: IssueInput,
    actor: Actor,
    style: HouseStyle
  ): Promise<SaveIssueResult> {
    return db.transaction(async (trx) => {
      let issue = new NewsletterIssue()
      if (issueId) {
        const query = NewsletterIssue.query({ client: trx }).where('id', issueId)
        if (supportsRowLocks(trx)) query.forUpdate()
        issue = await query.firstOrFail()
      }
      if (issue.$isPersisted && issue.status !== 'draft') return { status: 'not_a_draft' as const }
      const stored = issue.$isPersisted ? issue.bodyMjml : ''
      if (issue.$isPersisted && input.base !== null && versionOf(stored) !== input.base) {
        return { status: 'stale' as const }
      }
      let bodyMjml = input.body.kind === 'code' ? input.body.mjml : ''
      if (input.body.kind === 'visual') {
        const edit = applyVisualEdit(stored, input.body.blocks)
        if ('problem' in edit) return { status: 'visual_refused' as const, problem: edit.problem }
        bodyMjml = edit.mjml
        const after = await compileIssue(bodyMjml, style, input.preheader)
        if (after.problems.length) {
          const before = stored ? await compileIssue(stored, style, input.preheader) : null
          if (!before || before.problems.length === 0) {
            return { status: 'would_not_compile' as const, problems: after.problems }
          }
        }
      }
      const earlier = issue.$isPersisted
        ? {
            subject: issue.subject,
            preheader: issue.preheader,
            bodyMjml: issue.bodyMjml,
            savedBy: issue.createdBy,
            savedAt: issue.updatedAt,
          }
        : null
      const changes = issue.$isPersisted
        ? diffFields(issue.$attributes, { subject: input.subject, preheader: input.preheader })
        : null
      issue.merge({
        subject: input.subject,
        preheader: input.preheader,
        bodyMjml,
        status: 'draft',
        createdBy: issue.createdBy ?? actor.label,
      })
      await issue.useTransaction(trx).save()
      await issue.related('lists').sync(input.listIds, true, trx)
      const autosave = input.autosave ?? false
      const kept = await recordIssueVersion(trx, issue, actor, { autosave, earlier })
      // An autosave that changed nothing, or folded into this minute's version, is the same edit.
      if (autosave && kept !== 'recorded') return { status: 'saved' as const, issue }
      await recordAuditEvent(trx, actor, {
        module: 'newsletters',
        action: issueId ? 'issue.saved' : 'issue.created',
        details: { subject: issue.subject, editor: input.body.kind },
        subject: { type: 'newsletter_issue', id: issue.id },
        changes,
      })
      return { status: 'saved' as const, issue }
    })
  }
}
