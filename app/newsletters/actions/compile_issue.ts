import { checkMjml, type MjmlProblem } from '#newsletters/mjml/check_mjml'
import { findMarkupProblems } from '#newsletters/mjml/well_formed'
import { findUnknownPlaceholders } from '#newsletters/compose/placeholders'
import { wrapInHouseTemplate, type HouseStyle } from '#newsletters/compose/house_template'

export type CompiledIssue = { problems: MjmlProblem[]; html: string | null }

/**
 * Checks and compiles what the secretariat wrote: placeholders from the
 * fixed list, well-formed markup, then mjml inside the house template. Line
 * numbers always refer to the editor's own lines.
 */
export async function compileIssue(
  sections: string,
  style: HouseStyle,
  preheader: string | null
): Promise<CompiledIssue> {
  const ownProblems = [...findUnknownPlaceholders(sections), ...findMarkupProblems(sections)]
  if (ownProblems.length) return { problems: sortByLine(ownProblems), html: null }

  const { source, sectionsStartLine } = wrapInHouseTemplate(sections, style, preheader)
  const result = await checkMjml(source)
  const lastLine = sections.split('\n').length
  const problems = result.problems.map((problem) => ({
    ...problem,
    line: Math.min(Math.max(problem.line - sectionsStartLine + 1, 1), lastLine),
  }))
  return { problems: sortByLine(problems), html: problems.length ? null : result.html }
}

function sortByLine(problems: MjmlProblem[]) {
  return [...problems].sort((a, b) => a.line - b.line)
}
