import type { I18n } from '@adonisjs/i18n'
import type { ImportProblem } from '#members/import/parse_member_rows'

/** `row 4: CVR: 12345678 is not a valid CVR number`, in the reader's language. */
export function describeProblem(problem: ImportProblem, i18n: I18n) {
  const message = i18n.t(`members.import.problems.${problem.code}`, problem.params ?? {})
  const column = problem.column ? `${problem.column}: ` : ''
  return `${i18n.t('members.import.row')} ${problem.line}: ${column}${message}`
}
