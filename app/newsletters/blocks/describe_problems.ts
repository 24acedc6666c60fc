import type { I18n } from '@adonisjs/i18n'
import type { BlockProblem } from '#newsletters/blocks/editor_blocks'
import type { SaveIssueResult } from '#newsletters/actions/save_issue'

type SaveProblem =
  | Exclude<SaveIssueResult, { status: 'saved' } | { status: 'not_a_draft' }>
  | { status: 'blocks_refused'; problem: BlockProblem }

/** Why a composer save was refused, in the person's language, naming the block and field. */
export function describeSaveProblem(result: SaveProblem, i18n: I18n): string {
  switch (result.status) {
    case 'stale':
      return i18n.t('newsletters.blocks.stale')
    case 'visual_refused':
      return i18n.t(`newsletters.blocks.${result.problem.code}`, { block: result.problem.block })
    case 'would_not_compile':
      return i18n.t('newsletters.blocks.would_not_compile', {
        problems: result.problems
          .slice(0, 3)
          .map((problem) => problem.message)
          .join(' · '),
      })
    case 'blocks_refused': {
      const { block, field, code } = result.problem
      const fieldName = i18n.t(`newsletters.blocks.fields.${field}`)
      return i18n.t(`newsletters.blocks.problems.${code}`, { block, field: fieldName })
    }
  }
}
